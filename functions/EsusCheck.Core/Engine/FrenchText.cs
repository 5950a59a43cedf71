using System.Globalization;

namespace EsusCheck.Core.Engine;

internal static class FrenchText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

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
