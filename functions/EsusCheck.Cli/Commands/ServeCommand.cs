using System.ComponentModel;
using System.Globalization;
using EsusCheck.Cli.Output;
using EsusCheck.Cli.Serve;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck serve [--port 7071] [--urls …]</c>: the HTTP API and the buyers' page on this machine, with
/// the same handlers as the function app, until Ctrl+C.</summary>
[Description("Sert l'API HTTP et la page web sur cet ordinateur (http://localhost:7071/), sans Azure.")]
public sealed class ServeCommand(IConfiguration configuration, CliConsole console) : CliCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>"), Description("le port d'écoute sur localhost (par défaut 7071)")]
        public string? Port { get; set; }

        [CommandOption("--urls <URLS>"), Description("les adresses d'écoute, séparées par « ; » (par exemple http://0.0.0.0:8080 ; exige Serve:ApiKey hors de localhost)")]
        public string? Urls { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var port = ServeHost.DefaultPort;
        if (settings.Port is { } text &&
            (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            console.WriteError("Arguments invalides", $"« {text} » n'est pas un port : un nombre entre 1 et 65535.", "arguments_invalid");
            return ExitCodes.InvalidInput;
        }
        if (settings.Urls is not null && settings.Port is not null)
        {
            console.WriteError("Arguments invalides", "donnez --port ou --urls, pas les deux.", "arguments_invalid");
            return ExitCodes.InvalidInput;
        }
        var urls = settings.Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
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
