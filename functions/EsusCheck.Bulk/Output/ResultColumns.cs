using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Output;

/// <summary>The result columns appended to every row: French headers and French values, never raw enum values.</summary>
public static class ResultColumns
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Résultat",
        "SIRET vérifié",
        "Raison sociale",
        "Forme juridique",
        "ESS",
        "Agrément ESUS",
        ArticleWords.ColumnHeader(ReservedArticle.L2113_12),
        ArticleWords.ColumnHeader(ReservedArticle.L2113_13),
        ArticleWords.ColumnHeader(ReservedArticle.L2113_13_1),
        ArticleWords.ColumnHeader(ReservedArticle.L2113_15),
        "Motifs",
        "Vérifié le",
        // Added with rules 2026-11-29.1, after the existing columns so that none moves.
        "Conditions à confirmer par l'acheteur",
    ];

    private const int ReasonsColumn = 10;
    private const int CheckedAtColumn = 11;

    public static class Status
    {
        public const string Checked = "vérifié";
        public const string InvalidIdentifier = "numéro invalide";
        public const string Unknown = "entreprise inconnue";
        public const string Unavailable = "registres indisponibles";
        public const string NotChecked = "non vérifié";
        public const string Unreadable = "ligne illisible";
        public const string TotalLine = "ligne de total (ignorée)";
    }

    public static IReadOnlyList<string> For(SupplierLine line, BulkItemResult? result, long? firstLineOfSameCheck)
    {
        var notes = new List<string>();
        if (line.IsTotalLine)
            return Row(Status.TotalLine, reasons: "Ligne de total sans SIRET : elle n'est comptée ni dans les fournisseurs ni dans les montants.");
        if (line.Error is { } error)
        {
            notes.Add(error.Message);
            notes.AddRange(line.Notes);
            var status = error.Code is BulkCodes.RowTooLong or BulkCodes.RowTooManyColumns or BulkCodes.RowUnterminatedQuote ? Status.Unreadable : Status.InvalidIdentifier;
            return Row(status, reasons: Join(notes));
        }
        if (firstLineOfSameCheck is { } first && first != line.Row.Line)
            notes.Add($"Même fournisseur que la ligne {first} : vérifié une seule fois.");
        notes.AddRange(line.Notes);
        if (result is null)
            return Row(Status.NotChecked, reasons: Join(["Ce fournisseur n'a pas pu être vérifié (résultat manquant) : déposez à nouveau le fichier.", .. notes]));
        if (result.Status != ItemStatus.Checked)
            return Row(StatusOf(result.Status), reasons: Join([result.Message ?? "", .. notes]), checkedAt: When(result.CheckedAt));

        return
        [
            Status.Checked,
            result.Siret ?? "",
            result.Name ?? "",
            result.LegalForm ?? "",
            Ess(result.Ess),
            Esus(result.Esus),
            Contract(result.L2113_12),
            Contract(result.L2113_13),
            Contract(result.L2113_13_1),
            Contract(result.L2113_15),
            Join([result.Reasons ?? "", .. notes]),
            When(result.CheckedAt),
            result.Conditions ?? "",
        ];
    }

    public static string StatusOf(ItemStatus status) => status switch
    {
        ItemStatus.Checked => Status.Checked,
        ItemStatus.InvalidInput => Status.InvalidIdentifier,
        ItemStatus.Unknown => Status.Unknown,
        ItemStatus.Unavailable => Status.Unavailable,
        _ => Status.NotChecked,
    };

    public static string Ess(EssStatus? status) => status is { } known ? VerdictWords.Short(known).Label : "";

    public static string Esus(EsusStatus? status) => status is { } known ? VerdictWords.Short(known).Label : "";

    public static string Contract(ContractStatus? status) => status is { } known ? VerdictWords.Of(known).Label : "";

    /// <summary>The check time in Paris time, as a French buyer reads it.</summary>
    public static string When(DateTimeOffset at) => FrenchText.NumericParisDateTime(at);

    private static IReadOnlyList<string> Row(string status, string reasons, string checkedAt = "")
    {
        var cells = new string[Headers.Count];
        Array.Fill(cells, "");
        cells[0] = status;
        cells[ReasonsColumn] = reasons;
        cells[CheckedAtColumn] = checkedAt;
        return cells;
    }

    private static string Join(IEnumerable<string> parts) => string.Join(" | ", parts.Where(p => p.Length > 0));
}
