using System.Globalization;

namespace EsusCheck.Core.Engine;

/// <summary>French typography shared by every text a buyer reads: dates, lists.</summary>
public static class FrenchText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 1er juillet 2026 », « 30 avril 2029 ».</summary>
    public static string Date(DateOnly date) => (date.Day == 1 ? "1er" : date.Day.ToString(French)) + date.ToString(" MMMM yyyy", French);

    public static string Date(DateTimeOffset date) => Date(DateOnly.FromDateTime(date.UtcDateTime));

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
}
