using System.Globalization;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Esus;
using Spectre.Console;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck esus import [FICHIER|URL] [--published-on AAAA-MM-JJ]</c>: loads the DG Trésor list from a
/// file or an https URL (or from <c>Esus:ListSource</c>) and replaces the one remembered, only if the new one is valid.</summary>
public sealed class EsusImportCommand(EsusListImportService importer, CliConsole console) : ICliCommand
{
    /// <summary>Rows listed one by one; beyond, a count.</summary>
    private const int SkippedRowsShown = 20;

    public CommandSpec Spec { get; } = new("esus import",
        "Importe la liste nationale des agréments ESUS (XLSX ou CSV) ; sans argument, depuis Esus:ListSource.",
        [new ArgumentSpec("<FICHIER|URL>", "le fichier XLSX ou CSV publié par la DG Trésor, ou son adresse https", Required: false)],
        [new OptionSpec("--published-on", "AAAA-MM-JJ", "la date de publication de la liste, si le fichier ne l'indique pas")]);

    public async Task<int> RunAsync(ParsedArguments arguments, CancellationToken cancellationToken)
    {
        DateOnly? publishedOn = null;
        if (arguments.Value("--published-on") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                console.WriteError("Saisie invalide", $"« {text} » n'est pas une date au format AAAA-MM-JJ (par exemple 2025-02-01).", "date_invalid");
                return ExitCodes.InvalidInput;
            }
            publishedOn = date;
        }

        var result = arguments.Argument(0) is { } path
            ? await importer.ImportFromAsync(path, publishedOn, cancellationToken)
            : await importer.ImportFromSourceAsync(cancellationToken);

        if (result.Rejection is { } rejection)
        {
            console.WriteError("Liste refusée", rejection.Message + " La liste déjà chargée est conservée.", rejection.Code);
            WriteSkipped(result, console.Error);
            return rejection.Code == EsusListRejection.Codes.SourceUnreachable ? ExitCodes.Unavailable : ExitCodes.InvalidInput;
        }

        var list = result.List!;
        var output = console.Out;
        output.MarkupLine($"[green bold]Liste ESUS importée[/] : {Markup.Escape(FrenchText.Count(list.RowCount, "agrément", "agréments"))}.");
        output.MarkupLine(Markup.Escape($"  Publication : {FrenchText.Date(list.PublishedOn)}"));
        output.MarkupLine(Markup.Escape($"  Source : {list.Source}"));
        if (result.AssimilatedSkipped > 0)
            output.MarkupLine(Markup.Escape($"  Organismes « assimilés » sans SIREN (fonds) écartés : {FrenchText.Number(result.AssimilatedSkipped)}"));
        WriteSkipped(result, null);
        foreach (var warning in result.Warnings) output.MarkupLine($"  [yellow]![/] {Markup.Escape(warning)}");
        return ExitCodes.Ok;
    }

    private void WriteSkipped(EsusImportResult result, TextWriter? plain)
    {
        var invalid = result.SkippedRows.Where(r => r.Code != EsusSkippedRow.Codes.AssimilatedWithoutSiren).ToList();
        if (invalid.Count == 0) return;
        var lines = new List<string> { $"  Lignes écartées (SIREN absent ou invalide) : {FrenchText.Number(invalid.Count)}" };
        lines.AddRange(invalid.Take(SkippedRowsShown).Select(r => $"    ligne {r.Row}{(r.Value is null ? "" : $" (« {r.Value} »)")} : {r.Reason}"));
        if (invalid.Count > SkippedRowsShown) lines.Add($"    … et {FrenchText.Number(invalid.Count - SkippedRowsShown)} autres.");
        foreach (var line in lines)
            if (plain is not null) plain.WriteLine(line);
            else console.Out.MarkupLine(Markup.Escape(line));
    }
}
