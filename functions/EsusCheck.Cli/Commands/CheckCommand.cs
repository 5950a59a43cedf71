using EsusCheck.Cli.Output;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Esus;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck check SIRET [--cpv CODE] [--json] [--refresh]</c>: one report, read or as JSON.</summary>
public sealed class CheckCommand(EligibilityService eligibility, EsusListImportService esusList, CliConsole console) : ICliCommand
{
    public const string ClientId = "cli";

    public CommandSpec Spec { get; } = new("check",
        "Vérifie un fournisseur : ESS, agrément ESUS et marchés réservés, avec les articles de loi.",
        [new ArgumentSpec("<SIRET|SIREN>", "le numéro du fournisseur ; un SIREN désigne son siège", TakesRest: true)],
        [
            new OptionSpec("--cpv", "CODE", "le code CPV du marché (par exemple 85311000-2), pour l'article L2113-15"),
            new OptionSpec("--json", null, "écrit le rapport JSON (le même que l'API) au lieu du texte"),
            new OptionSpec("--refresh", null, "interroge les registres même si une réponse récente est en cache"),
        ]);

    public async Task<int> RunAsync(ParsedArguments arguments, CancellationToken cancellationToken)
    {
        await LoadConfiguredListAsync(cancellationToken);

        var outcome = await eligibility.CheckAsync(
            new CheckRequest(arguments.Argument(0), arguments.Value("--cpv"), arguments.Has("--refresh"), ClientId), cancellationToken);
        if (outcome.Failure is { } failure)
        {
            console.WriteError(failure.Title, failure.Detail, failure.Code);
            return ExitCodes.For(failure.Kind);
        }

        if (arguments.Has("--json")) console.RawOut.WriteLine(ReportJson.Serialize(outcome.Report!, indented: true));
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
