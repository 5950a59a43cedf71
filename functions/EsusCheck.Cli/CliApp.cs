using EsusCheck.Cli.Commands;
using EsusCheck.Cli.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Cli;

/// <summary>The whole CLI as one call, so that tests run it in-process: arguments in, text on the given writers,
/// exit code out (<see cref="ExitCodes"/>).</summary>
public static class CliApp
{
    /// <param name="overrides">Configuration applied last (tests point the registries at a stub with it).</param>
    public static async Task<int> RunAsync(
        string[] args, IConfiguration? overrides, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdout, stderr);
        var configuration = BuildConfiguration(overrides);
        await using var services = new ServiceCollection().AddEsusCheckCli(configuration, console).BuildServiceProvider();
        var commands = services.GetServices<ICliCommand>().OrderBy(c => c.Spec.Name, StringComparer.Ordinal).ToList();

        if (args.Length == 0 || args[0] is "-h" or "--help" or "--aide" or "help" or "aide")
        {
            Help.WriteGeneral(args.Length == 0 ? stderr : stdout, commands);
            return args.Length == 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
        }

        var command = commands
            .Where(c => c.Spec.Words.Count <= args.Length && c.Spec.Words.SequenceEqual(args.Take(c.Spec.Words.Count), StringComparer.Ordinal))
            .MaxBy(c => c.Spec.Words.Count);
        if (command is null)
        {
            // « esus frob » names a group and a wrong sub-command; « frob 123 » names a wrong command.
            var typed = commands.Any(c => c.Spec.Words.Count > 1 && c.Spec.Words[0] == args[0]) ? args.Take(2) : args.Take(1);
            console.WriteError("Commande inconnue", $"« {string.Join(' ', typed)} ». Commandes : " +
                                                    string.Join(", ", commands.Select(c => c.Spec.Name)) + ".", "command_unknown");
            return ExitCodes.InvalidInput;
        }

        var (arguments, error) = ParsedArguments.Parse(command.Spec, args.Skip(command.Spec.Words.Count).ToList());
        if (arguments is null)
        {
            console.WriteError("Arguments invalides", error!, "arguments_invalid");
            stderr.WriteLine("Usage : " + command.Spec.Usage);
            return ExitCodes.InvalidInput;
        }
        if (arguments.HelpRequested)
        {
            Help.WriteCommand(stdout, command.Spec);
            return ExitCodes.Ok;
        }

        try
        {
            return await command.RunAsync(arguments, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteError("Interrompu", "la commande a été annulée.");
            return ExitCodes.Unexpected;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The runtime's text is English and may name internals: the person reads French, the log has no place here.
            console.WriteError("Erreur de fichier", "un fichier n'a pas pu être lu ou écrit (droits, disque plein, fichier ouvert dans " +
                                                    "un autre programme ?). Vérifiez les chemins indiqués et relancez.", "file_error");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>appsettings.json beside the executable (optional), environment variables (<c>Section__Key</c>), then
    /// the overrides.</summary>
    public static IConfiguration BuildConfiguration(IConfiguration? overrides)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (overrides is not null) builder.AddConfiguration(overrides);
        return builder.Build();
    }
}
