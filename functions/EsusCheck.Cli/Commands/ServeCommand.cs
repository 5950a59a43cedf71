using System.Globalization;
using EsusCheck.Cli.Output;
using EsusCheck.Cli.Serve;
using Spectre.Console;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck serve [--port 7071] [--urls …]</c>: the HTTP API and the buyers' page on this machine, with
/// the same handlers as the function app, until Ctrl+C.</summary>
public sealed class ServeCommand(IConfiguration configuration, CliConsole console) : ICliCommand
{
    public CommandSpec Spec { get; } = new("serve",
        "Sert l'API HTTP et la page web sur cet ordinateur (http://localhost:7071/), sans Azure.",
        [],
        [
            new OptionSpec("--port", "PORT", $"le port d'écoute sur localhost (par défaut {ServeHost.DefaultPort})"),
            new OptionSpec("--urls", "URLS", "les adresses d'écoute, séparées par « ; » (par exemple http://0.0.0.0:8080 ; exige Serve:ApiKey hors de localhost)"),
        ]);

    public async Task<int> RunAsync(ParsedArguments arguments, CancellationToken cancellationToken)
    {
        var port = ServeHost.DefaultPort;
        if (arguments.Value("--port") is { } text &&
            (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            console.WriteError("Arguments invalides", $"« {text} » n'est pas un port : un nombre entre 1 et 65535.", "arguments_invalid");
            return ExitCodes.InvalidInput;
        }
        if (arguments.Has("--urls") && arguments.Has("--port"))
        {
            console.WriteError("Arguments invalides", "donnez --port ou --urls, pas les deux.", "arguments_invalid");
            return ExitCodes.InvalidInput;
        }
        var urls = arguments.Value("--urls")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                   ?? [$"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}"];
        var loopback = ServeHost.LoopbackOnly(urls);
        if (!loopback && string.IsNullOrEmpty(configuration[$"{ServeOptions.Section}:{nameof(ServeOptions.ApiKey)}"]))
        {
            console.WriteError("Écoute refusée",
                $"« {string.Join(" ; ", urls)} » ouvrirait l'API à d'autres ordinateurs sans clé. Définissez Serve:ApiKey " +
                "(variable d'environnement Serve__ApiKey) ou écoutez sur localhost.", "serve_key_required");
            return ExitCodes.InvalidInput;
        }

        await using var app = ServeHost.Build(configuration, urls);
        await app.StartAsync(cancellationToken);
        var addresses = ServeHost.Addresses(app);
        console.Out.WriteLine($"EsusCheck écoute sur {string.Join(", ", addresses)}" +
                              (loopback ? " : cet ordinateur seulement (localhost)." : " : accessible depuis le réseau, avec la clé Serve:ApiKey."));
        console.Out.WriteLine($"Ouvrez {addresses.FirstOrDefault() ?? urls[0]}/ dans votre navigateur. Ctrl+C pour arrêter.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Out.WriteLine("Arrêt du serveur.");
        }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
