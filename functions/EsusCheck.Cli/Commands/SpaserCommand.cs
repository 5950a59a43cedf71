using System.Globalization;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Esus;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Processing;
using Spectre.Console;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck spaser FICHIER [--acheteur SIRET] [--annee AAAA] [--output DOSSIER]</c>: the SPASER indicators
/// of a DECP file (JSON, XML or consolidated CSV), in-process, with the same pipeline as the function app.</summary>
public sealed class SpaserCommand(LocalSpaserRunner runner, EsusListImportService esusList, CliConsole console) : ICliCommand
{
    public CommandSpec Spec { get; } = new("spaser",
        "Calcule les indicateurs du SPASER à partir des données essentielles (DECP) d'un acheteur.",
        [new ArgumentSpec("<FICHIER>", "les DECP : JSON ou XML (format de l'arrêté du 22 décembre 2022) ou CSV des DECP consolidées")],
        [
            new OptionSpec("--acheteur", "SIRET", "ne retenir que les marchés de cet acheteur (SIRET de « acheteur.id »)"),
            new OptionSpec("--annee", "AAAA", "ne retenir que les marchés notifiés cette année-là"),
            new OptionSpec("--output", "DOSSIER", "le dossier des résultats (par défaut : « <fichier>-spaser » à côté du fichier)"),
        ]);

    public async Task<int> RunAsync(ParsedArguments arguments, CancellationToken cancellationToken)
    {
        var input = arguments.Argument(0)!;
        if (!File.Exists(input))
        {
            console.WriteError("Fichier introuvable", $"« {input} » n'existe pas.", "file_not_found");
            return ExitCodes.InvalidInput;
        }
        string? buyer = null;
        if (arguments.Value("--acheteur") is { } typed)
        {
            var parsed = IdentifierParser.ParseSiret(typed);
            if (parsed.Value is not { } siret)
            {
                console.WriteError("SIRET de l'acheteur invalide", parsed.Error!.Message, parsed.Error.Code);
                return ExitCodes.InvalidInput;
            }
            buyer = siret.Value;
        }
        int? year = null;
        if (arguments.Value("--annee") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                console.WriteError("Année invalide", $"« {yearText} » n'est pas une année (quatre chiffres, par exemple 2024).", "year_invalid");
                return ExitCodes.InvalidInput;
            }
            year = y;
        }
        var output = arguments.Value("--output") ??
                     Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Bulk.Output.OutputNames.BaseName(input) + "-spaser");

        if (await esusList.EnsureLoadedAsync(cancellationToken) is { Rejection: { } rejection })
            console.WriteError("Liste ESUS non chargée", rejection.Message, rejection.Code);

        var run = await JobConsole.RunWithProgressAsync(console,
            progress => runner.RunAsync(input, new SpaserFilter(buyer, year), output, progress, cancellationToken), r => r.Job);
        var summary = run.Summary;
        if (run.Job.State != BulkJobState.Completed) return JobConsole.Refused(console, run.Job, summary?.Error, output);

        var write = console.Out;
        write.MarkupLine("[green bold]Indicateurs SPASER calculés[/]");
        foreach (var line in summary?.Highlights ?? []) write.MarkupLine($"  - {Markup.Escape(line)}");
        write.MarkupLine("Résultats :");
        foreach (var file in new[] { run.Job.Outputs?.Report, run.Job.Outputs?.Xlsx, run.Job.Outputs?.Csv, run.Job.Outputs?.Summary }.OfType<BulkOutputLink>())
            write.MarkupLine($"  {Markup.Escape(file.Url ?? file.Name)}");
        if (summary?.Notes.Count > 0)
        {
            write.MarkupLine("Remarques :");
            foreach (var note in summary.Notes) write.MarkupLine($"  - {Markup.Escape(note)}");
        }
        return ExitCodes.Ok;
    }
}
