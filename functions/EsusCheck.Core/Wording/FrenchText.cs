using System.Globalization;

namespace EsusCheck.Core.Wording;

/// <summary>French typography shared by every text a buyer reads: dates, numbers, amounts, lists, capitals.</summary>
public static class FrenchText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>« 1er juillet 2026 », « 30 avril 2029 ».</summary>
    public static string Date(DateOnly date) => (date.Day == 1 ? "1er" : date.Day.ToString(Culture)) + date.ToString(" MMMM yyyy", Culture);

    /// <summary>« 1er février », a date that comes back every year.</summary>
    public static string DayAndMonth(int month, int day) => Date(new DateOnly(2000, month, day))[..^5];

    /// <summary>The UTC day of a moment, as <see cref="Date(DateOnly)"/>.</summary>
    public static string Date(DateTimeOffset date) => Date(DateOnly.FromDateTime(date.UtcDateTime));

    /// <summary>« 10 mars 2024 à 09 h 05 », in the machine's time zone (the terminal's reader is at that machine).</summary>
    public static string DateAndTime(DateTimeOffset moment)
    {
        var local = moment.ToLocalTime();
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} à {local:HH} h {local:mm}";
    }

    /// <summary>« 01/02/2024 », as a spreadsheet cell.</summary>
    public static string NumericDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>« 01/02/2024 », the day of the moment's own offset.</summary>
    public static string NumericDate(DateTimeOffset moment) => moment.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>« 01/02/2024 14:05 » in Paris time, as a French buyer reads a check time in a spreadsheet.</summary>
    public static string NumericParisDateTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Paris).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>« 100 000 », with an ordinary space so that every terminal and tool shows it.</summary>
    public static string Number(long value) => PlainSpaces(value.ToString("N0", Culture));

    /// <summary>« 1 234,50 ».</summary>
    public static string Amount(decimal value) => PlainSpaces(value.ToString("N2", Culture));

    /// <summary>« 42,9 % » for 0.4286.</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.#", Culture) + " %";

    /// <summary>« 1 agrément », « 3 agréments ».</summary>
    public static string Count(long value, string singular, string plural) => $"{Number(value)} {(value is 0 or 1 ? singular : plural)}";

    /// <summary>« oui » / « non », a yes-or-no cell.</summary>
    public static string YesNo(bool value) => value ? "oui" : "non";

    /// <summary>« a, b et c ».</summary>
    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " et " + list[^1],
        };
    }

    /// <summary>The text with a capital first letter (« l'API… » at the start of a sentence).</summary>
    public static string Capitalise(this string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];

    private static string PlainSpaces(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
