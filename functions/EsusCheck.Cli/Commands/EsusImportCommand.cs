using System.ComponentModel;
using System.Globalization;
using EsusCheck.Cli.Output;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.Esus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary><c>esuscheck esus import [FICHIER|URL] [--published-on AAAA-MM-JJ]</c>: loads the DG Trésor list from a
/// file or an https URL (or from <c>Esus:ListSource</c>) and replaces the one remembered, only if the new one is valid.</summary>
[Description("Importe la liste nationale des agréments ESUS (XLSX ou CSV) ; sans argument, depuis Esus:ListSource.")]
public sealed class EsusImportCommand(EsusListImportService importer, CliConsole console) : CliCommand<EsusImportCommand.Settings>
{
    /// <summary>Rows listed one by one; beyond, a count.</summary>
    private const int SkippedRowsShown = 20;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[FICHIER|URL]"), Description("le fichier XLSX ou CSV publié par la DG Trésor, ou son adresse https")]
        public string? Source { get; set; }

        [CommandOption("--published-on <AAAA-MM-JJ>"), Description("la date de publication de la liste, si le fichier ne l'indique pas")]
        public string? PublishedOn { get; set; }

        /// <summary><see cref="PublishedOn"/>, read by <see cref="Validate"/>.</summary>
        public DateOnly? PublicationDate { get; private set; }

        public override ValidationResult Validate()
        {
            if (PublishedOn is null) return ValidationResult.Success();
            if (!DateOnly.TryParseExact(PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return UsageErrors.Invalid("Saisie invalide", $"« {PublishedOn} » n'est pas une date au format AAAA-MM-JJ (par exemple 2025-02-01).", "date_invalid");
            PublicationDate = date;
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = settings.Source is { } path
            ? await importer.ImportFromAsync(path, settings.PublicationDate, cancellationToken)
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
