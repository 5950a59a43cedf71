using System.Globalization;

namespace EsusCheck.Cli.Output;

/// <summary>Dates and numbers as a French reader expects them.</summary>
internal static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 1er février 2024 », « 15 mars 2024 ».</summary>
    public static string Date(DateOnly date) => (date.Day == 1 ? "1er" : date.Day.ToString(French)) + date.ToString(" MMMM yyyy", French);

    /// <summary>« 10 mars 2024 à 09 h 05 », in the machine's time zone.</summary>
    public static string DateTime(DateTimeOffset moment)
    {
        var local = moment.ToLocalTime();
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} à {local:HH} h {local:mm}";
    }

    /// <summary>« 2 712 » (a plain space, which every terminal shows).</summary>
    public static string Number(int value) => value.ToString("N0", French).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>« 1 agrément », « 3 agréments ».</summary>
    public static string Count(int value, string singular, string plural) => $"{Number(value)} {(value is 0 or 1 ? singular : plural)}";
}
