using System.ComponentModel;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Esus;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck check SIRET [--cpv CODE] [--json] [--refresh]</c>: one report, read or as JSON.</summary>
[Description("Vérifie un fournisseur : ESS, agrément ESUS et marchés réservés, avec les articles de loi.")]
public sealed class CheckCommand(EligibilityService eligibility, EsusListImportService esusList, CliConsole console)
    : CliCommand<CheckCommand.Settings>
{
    public const string ClientId = "cli";

    public sealed class Settings : CommandSettings
    {
        /// <summary>Every word: a SIRET typed with spaces needs no quotes.</summary>
        [CommandArgument(0, "<SIRET|SIREN>"), Description("le numéro du fournisseur ; un SIREN désigne son siège")]
        public string[] Number { get; set; } = [];

        [CommandOption("--cpv <CODE>"), Description("le code CPV du marché (par exemple 85311000-2), pour l'article L2113-15")]
        public string? Cpv { get; set; }

        [CommandOption("--json"), Description("écrit le rapport JSON (le même que l'API) au lieu du texte")]
        public bool Json { get; set; }

        [CommandOption("--refresh"), Description("interroge les registres même si une réponse récente est en cache")]
        public bool Refresh { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await LoadConfiguredListAsync(cancellationToken);

        var outcome = await eligibility.CheckAsync(
            new CheckRequest(string.Join(' ', settings.Number), settings.Cpv, settings.Refresh, ClientId), cancellationToken);
        if (outcome.Failure is { } failure)
        {
            console.WriteError(failure.Title, failure.Detail, failure.Code);
            return ExitCodes.For(failure.Kind);
        }

        if (settings.Json) console.RawOut.WriteLine(ReportJson.Serialize(outcome.Report!, indented: true));
        else ReportRenderer.Write(console.Out, outcome.Report!);
        return ExitCodes.Ok;
    }

    /// <summary>The first check loads <c>Esus:ListSource</c> when no list is loaded yet; a failure is told, not fatal:
    /// the report then says that the agrément cannot be verified.</summary>
    private async Task LoadConfiguredListAsync(CancellationToken cancellationToken)
    {
        var loaded = await esusList.EnsureLoadedAsync(cancellationToken);
        if (loaded is null) return;
        if (loaded.Rejection is { } rejection)
            console.WriteError("Liste ESUS non chargée", rejection.Message, rejection.Code);
        else
            console.Error.WriteLine($"Liste ESUS chargée depuis {loaded.List!.Source} : {FrenchText.Count(loaded.RowCount, "agrément", "agréments")}.");
    }
}
