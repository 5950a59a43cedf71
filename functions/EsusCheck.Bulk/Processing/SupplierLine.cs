using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Processing;

/// <summary>A data row interpreted: the distinct check it needs (or why it needs none), its spend and its notes.
/// The planner and the result writer interpret rows with the same code, so they always agree.</summary>
public sealed record SupplierLine
{
    public required SourceRow Row { get; init; }
    /// <summary>Why the row is not checked at all (unreadable, invalid identifier).</summary>
    public BulkRowError? Error { get; init; }
    /// <summary>The identifier as typed (for the error list).</summary>
    public string? IdentifierText { get; init; }
    public string? Identifier { get; init; }
    public string? Cpv { get; init; }
    /// <summary>A « Total » line without identifier: written back, excluded from counts and totals.</summary>
    public bool IsTotalLine { get; init; }
    public decimal? Spend { get; init; }
    /// <summary>The spend cell has text that is not an amount.</summary>
    public bool SpendUnreadable { get; init; }
    /// <summary>Notes for this row only (an unreadable amount or CPV code), in French.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? ItemKey => Identifier is null ? null : BulkItem.KeyOf(Identifier, Cpv);
}

public sealed class SupplierLineInterpreter(FileLayout layout, BulkOptions options)
{
    public SupplierLine Interpret(SourceRow row)
    {
        if (row.Problem == RecordProblem.TooLong)
            return new SupplierLine
            {
                Row = row,
                Error = new(row.Line, null, BulkCodes.RowTooLong,
                    $"La ligne {row.Line} dépasse {FrenchText.Number(options.MaxRowCharacters)} caractères : son contenu n'a pas " +
                    "été lu ni repris (vérifiez qu'aucun texte n'y a été collé par erreur)."),
            };
        if (row.Problem == RecordProblem.TooManyFields)
            return new SupplierLine
            {
                Row = row,
                Error = new(row.Line, null, BulkCodes.RowTooManyColumns,
                    $"La ligne {row.Line} compte plus de {FrenchText.Number(options.MaxColumns)} colonnes : son contenu n'a pas " +
                    "été lu ni repris (une ligne de cellules vides collée par erreur ?)."),
            };
        if (row.Problem == RecordProblem.UnterminatedQuote)
            return new SupplierLine
            {
                Row = row,
                Error = new(row.Line, null, BulkCodes.RowUnterminatedQuote,
                    row.LastLine > row.Line
                        ? $"Un guillemet ouvert ligne {row.Line} n'est jamais fermé : les lignes {row.Line} à {row.LastLine} ont été lues comme " +
                          "une seule ligne et n'ont pas été vérifiées (le fichier semble tronqué ou mal formé)."
                        : $"La ligne {row.Line} se termine au milieu d'un champ entre guillemets : le fichier semble tronqué."),
            };

        var roles = layout.Roles;
        var identifierText = Cell(row, roles.Identifier);
        var notes = new List<string>();
        decimal? spend = null;
        var spendUnreadable = false;
        if (roles.Spend is { } spendColumn && Cell(row, spendColumn) is { Length: > 0 } spendText)
        {
            var reading = AmountParser.Read(spendText, roles.DecimalComma, out var amount);
            if (reading == AmountReading.Amount) spend = amount;
            else if (reading == AmountReading.OutOfRange)
            {
                spendUnreadable = true;
                notes.Add($"Montant « {Shorten(spendText)} » hors limites (plus de 1 000 milliards d'euros) : il n'est pas compté dans les totaux.");
            }
            else
            {
                spendUnreadable = true;
                notes.Add($"Montant « {Shorten(spendText)} » illisible : il n'est pas compté dans les totaux.");
            }
        }

        if (identifierText.Trim().Length == 0 && row.Cells.Any(c => HeaderText.Normalise(c).StartsWith("total", StringComparison.Ordinal)))
            return new SupplierLine { Row = row, IsTotalLine = true };

        var parsed = IdentifierParser.ParseSirenOrSiret(identifierText);
        if (parsed.Value is not { } identifier)
            return new SupplierLine
            {
                Row = row,
                IdentifierText = identifierText,
                Error = new(row.Line, identifierText, parsed.Error!.Code, parsed.Error.Message),
                Spend = spend,
                SpendUnreadable = spendUnreadable,
                Notes = notes,
            };

        string? cpv = null;
        if (roles.Cpv is { } cpvColumn && Cell(row, cpvColumn) is { Length: > 0 } cpvText)
        {
            if (CpvCode.TryParse(cpvText, out var code, out _)) cpv = code.Digits;
            else notes.Add($"Code CPV « {cpvText} » illisible : l'article L2113-15 a été évalué sans code CPV.");
        }

        return new SupplierLine
        {
            Row = row,
            IdentifierText = identifierText,
            Identifier = identifier.Siret?.Value ?? identifier.Siren.Value,
            Cpv = cpv,
            Spend = spend,
            SpendUnreadable = spendUnreadable,
            Notes = notes,
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..39] + "…";

    private static string Cell(SourceRow row, int index) => index < row.Cells.Count ? row.Cells[index] : "";
}
