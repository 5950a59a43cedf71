using System.Globalization;

namespace EsusCheck.Registries.Esus;

/// <summary>Reads one spreadsheet or CSV cell as text or as a date, whatever type the reader gave it.</summary>
internal static class EsusCells
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "yyyy/MM/dd", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    public static bool IsEmpty(object? cell) => cell is null || cell is string s && string.IsNullOrWhiteSpace(s);

    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    /// <summary>The SIREN cell as text. A numeric cell cannot hold leading zeros: Excel only hid them, so they are put
    /// back (a text cell with 8 digits is left to the parser, which explains the lost zero).</summary>
    public static string? SirenText(object? cell) => cell switch
    {
        double d when d >= 1 && d < 1e9 && d == Math.Floor(d) => ((long)d).ToString("D9", CultureInfo.InvariantCulture),
        decimal m when m >= 1 && m < 1_000_000_000m && m == decimal.Floor(m) => ((long)m).ToString("D9", CultureInfo.InvariantCulture),
        int i when i >= 1 => i.ToString("D9", CultureInfo.InvariantCulture),
        long l when l is >= 1 and < 1_000_000_000 => l.ToString("D9", CultureInfo.InvariantCulture),
        _ => Text(cell),
    };

    /// <summary>A date cell: a real date, an Excel serial number, or French/ISO text. Null when it is none of these.</summary>
    public static DateOnly? Date(object? cell)
    {
        switch (cell)
        {
            case DateTime d: return DateOnly.FromDateTime(d);
            case DateTimeOffset o: return DateOnly.FromDateTime(o.DateTime);
            case DateOnly d: return d;
            case double serial when serial is > 3000 and < 100_000: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = Text(cell);
        if (text is null) return null;
        if (DateTime.TryParseExact(text, DateFormats, French, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return DateOnly.FromDateTime(parsed);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is > 3000 and < 100_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(number));
        return EsusDates.Find(text);
    }

    /// <summary>A French département code as people write it; a number loses its leading zero in Excel (1 → « 01 »).</summary>
    public static string? Department(object? cell) => cell switch
    {
        double d when d is >= 1 and < 10 && d == Math.Floor(d) => ((int)d).ToString("D2", CultureInfo.InvariantCulture),
        int i when i is >= 1 and < 10 => i.ToString("D2", CultureInfo.InvariantCulture),
        _ => Text(cell) is { } t && t.Length == 1 && char.IsAsciiDigit(t[0]) ? "0" + t : Text(cell),
    };
}
