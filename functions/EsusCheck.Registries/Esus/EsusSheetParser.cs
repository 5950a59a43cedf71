using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Esus;

/// <summary>One row of a sheet or CSV file: its number as the person sees it (spreadsheet row, CSV line) and its cells.</summary>
internal readonly record struct SheetRow(int Number, IReadOnlyList<object?> Cells);

/// <summary>Turns the rows of one sheet into list entries: finds the header row by name, reads each data row, and
/// says why each row left out was left out.</summary>
internal static class EsusSheetParser
{
    /// <summary>How far down the header may be (title rows, notes and blank rows come first in some editions).</summary>
    public const int HeaderSearchRows = 30;

    /// <returns>Null when the sheet has no SIREN header in its first rows.</returns>
    public static EsusListParse? Parse(IEnumerable<SheetRow> rows)
    {
        EsusColumns? columns = null;
        var titleRows = new List<SheetRow>();
        var entries = new Dictionary<Siren, EsusListEntry>();
        var skipped = new List<EsusSkippedRow>();
        int duplicates = 0, unreadableDates = 0, seen = 0;

        foreach (var row in rows)
        {
            if (columns is null)
            {
                if (++seen > HeaderSearchRows) return null;
                columns = EsusColumns.Detect(row.Cells);
                if (columns is null) titleRows.Add(row);
                continue;
            }
            if (row.Cells.All(EsusCells.IsEmpty)) continue;

            var entry = ReadEntry(row, columns, skipped, ref unreadableDates);
            if (entry is null) continue;
            if (entries.TryGetValue(entry.Siren, out var previous))
            {
                duplicates++;
                if (Latest(previous) >= Latest(entry)) continue;
            }
            entries[entry.Siren] = entry;
        }
        if (columns is null) return null;

        var warnings = new List<string>();
        if (duplicates > 0)
            warnings.Add($"{duplicates} ligne(s) répètent un SIREN déjà présent : une seule ligne par SIREN est gardée, celle " +
                         "dont l'agrément est le plus récent.");
        if (unreadableDates > 0)
            warnings.Add($"{unreadableDates} date(s) d'agrément ou de fin d'agrément sont illisibles : ces lignes sont gardées sans la date.");

        return new EsusListParse
        {
            Entries = entries.Values.ToList(),
            SkippedRows = skipped,
            StatedPublishedOn = StatedDate(titleRows),
            Warnings = warnings,
            Rejection = entries.Count == 0 ? EsusListRejection.NoValidRows(skipped.Count) : null,
        };
    }

    private static EsusListEntry? ReadEntry(SheetRow row, EsusColumns columns, List<EsusSkippedRow> skipped, ref int unreadableDates)
    {
        object? Cell(int? index) => index is { } i && i < row.Cells.Count ? row.Cells[i] : null;

        var sirenText = EsusCells.SirenText(Cell(columns.Siren));
        if (sirenText is null || !sirenText.Any(char.IsAsciiDigit))
        {
            if (IsAssimilated(row))
                skipped.Add(new(row.Number, EsusSkippedRow.Codes.AssimilatedWithoutSiren,
                    "Organisme « assimilé » (fonds) listé sans SIREN : ce n'est pas une entreprise à rechercher.", sirenText));
            else if (sirenText is null)
                skipped.Add(new(row.Number, EsusSkippedRow.Codes.SirenMissing, "La ligne n'a pas de SIREN.", null));
            else
                skipped.Add(new(row.Number, Invalid(sirenText).Code, Invalid(sirenText).Message, sirenText));
            return null;
        }

        var parsed = IdentifierParser.ParseSiren(sirenText);
        if (!parsed.IsValid)
        {
            skipped.Add(new(row.Number, parsed.Error!.Code, parsed.Error.Message, sirenText));
            return null;
        }

        return new EsusListEntry(
            parsed.Value!.Value,
            EsusCells.Text(Cell(columns.Name)),
            ReadDate(Cell(columns.AccreditedOn), ref unreadableDates),
            ReadDate(Cell(columns.ExpiresOn), ref unreadableDates),
            EsusCells.Department(Cell(columns.Department)),
            IsAssimilated(row));
    }

    private static IdentifierError Invalid(string text) => IdentifierParser.ParseSiren(text).Error!;

    private static DateOnly? ReadDate(object? cell, ref int unreadable)
    {
        if (EsusCells.IsEmpty(cell)) return null;
        var date = EsusCells.Date(cell);
        if (date is null) unreadable++;
        return date;
    }

    private static bool IsAssimilated(SheetRow row) => row.Cells.Any(cell =>
    {
        var text = HeaderText.Normalise(EsusCells.Text(cell));
        return text.Contains("assimil", StringComparison.Ordinal) || HeaderText.Words(text).Any(w => w is "fonds" or "fcpe" or "fcp");
    });

    private static DateOnly Latest(EsusListEntry entry) => entry.ExpiresOn ?? entry.AccreditedOn ?? DateOnly.MinValue;

    /// <summary>A date written in the rows above the header (« Liste mise à jour le 15/01/2024 »), as a date cell or text.</summary>
    private static DateOnly? StatedDate(IEnumerable<SheetRow> titleRows)
    {
        foreach (var cell in titleRows.SelectMany(r => r.Cells))
        {
            if (cell is DateTime or DateOnly or DateTimeOffset) return EsusCells.Date(cell);
            if (cell is string text && EsusDates.Find(text) is { } found) return found;
        }
        return null;
    }
}
