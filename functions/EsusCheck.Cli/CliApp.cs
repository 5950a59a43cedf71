using EsusCheck.Cli.Commands;
using EsusCheck.Cli.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace EsusCheck.Cli;

/// <summary>The whole CLI as one call, so that tests run it in-process: arguments in, text on the given writers,
/// exit code out (<see cref="ExitCodes"/>). The command line is read by Spectre.Console.Cli (<see cref="CliCommands"/>).</summary>
public static class CliApp
{
    /// <param name="overrides">Configuration applied last (tests point the registries at a stub with it).</param>
    public static async Task<int> RunAsync(
        string[] args, IConfiguration? overrides, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdout, stderr);
        var configuration = BuildConfiguration(overrides);
        await using var registrar = new ServiceTypeRegistrar(new ServiceCollection().AddEsusCheckCli(configuration, console));
        // Without arguments the usage is the answer, on stderr, with the exit code of invalid input.
        var noArguments = args.Length == 0;
        var app = new CommandApp(registrar);
        app.Configure(config => CliCommands.Configure(config, noArguments ? new CliConsole(stderr, stderr).Out : console.Out));
        var words = noArguments ? ["--help"] : FrenchHelpWords(args);

        try
        {
            var exitCode = await app.RunAsync(words, cancellationToken);
            return noArguments ? ExitCodes.InvalidInput : exitCode;
        }
        catch (CommandRuntimeException ex) when (registrar.Model is { } model && UsageErrors.IsUsageError(ex))
        {
            return UsageErrors.Write(ex, words, model, console);
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

    /// <summary>« esuscheck aide », « esuscheck help » and « --aide » ask for the help too.</summary>
    private static string[] FrenchHelpWords(string[] args) =>
        args[0] is "help" or "aide" ? ["--help"] : [.. args.Select(a => a == "--aide" ? "--help" : a)];

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
