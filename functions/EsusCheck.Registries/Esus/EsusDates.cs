using System.Text.RegularExpressions;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Esus;

/// <summary>Finds a date written in free text: a title cell (« Liste mise à jour le 15 janvier 2024 ») or a file name
/// (« liste-esus-2024-01-15.xlsx », « ESUS_15012024.xlsx », « agrements_esus_janvier_2024.xlsx »).</summary>
internal static partial class EsusDates
{
    private static readonly string[] Months =
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    /// <summary>The first plausible date in the text (the agrément exists since 2014), or null.</summary>
    public static DateOnly? Find(string? text)
    {
        var normalised = HeaderText.Normalise(text);
        if (normalised.Length == 0) return null;

        foreach (Match match in IsoDate().Matches(normalised))
            if (Build(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) is { } iso) return iso;
        foreach (Match match in FrenchNumericDate().Matches(normalised))
            if (Build(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) is { } numeric) return numeric;
        foreach (Match match in MonthNameDate().Matches(normalised))
        {
            var month = Array.IndexOf(Months, match.Groups["month"].Value) + 1;
            // « janvier 2024 » alone names a month: its first day is the earliest the list can be from.
            var day = match.Groups["d"].Success ? match.Groups["d"].Value : "1";
            if (Build(match.Groups["y"].Value, month.ToString(System.Globalization.CultureInfo.InvariantCulture), day) is { } named) return named;
        }
        return null;
    }

    private static DateOnly? Build(string year, string month, string day)
    {
        if (!int.TryParse(year, out var y) || !int.TryParse(month, out var m) || !int.TryParse(day, out var d)) return null;
        if (y < 2014 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    // Normalised text has single spaces for every separator (/, -, _, .): « 15/01/2024 » reads « 15 01 2024 ».
    [GeneratedRegex(@"(?<!\d)(?<y>20\d{2}) ?(?<m>0[1-9]|1[0-2]) ?(?<d>0[1-9]|[12]\d|3[01])(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<d>0?[1-9]|[12]\d|3[01]) ?(?<m>0?[1-9]|1[0-2]) ?(?<y>20\d{2})(?!\d)")]
    private static partial Regex FrenchNumericDate();

    [GeneratedRegex(@"(?:(?<d>[12]\d|3[01]|0?[1-9])(?:er)? )?(?<month>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (?<y>20\d{2})(?!\d)")]
    private static partial Regex MonthNameDate();
}
