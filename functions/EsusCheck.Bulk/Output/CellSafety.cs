using System.Text.RegularExpressions;

namespace EsusCheck.Bulk.Output;

/// <summary>A cell that starts with « = », « + », « - », « @ », a tab or a carriage return is run as a formula by
/// spreadsheets (CSV injection): it is written with a leading apostrophe. A plain signed number (« -1 234,56 »)
/// is harmless and kept as it is.</summary>
public static partial class CellSafety
{
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;
    }

    [GeneratedRegex(@"^[+-]?\d[\d\s\u00A0\u202F]*([.,]\d+)?$")]
    private static partial Regex PlainNumber();
}
