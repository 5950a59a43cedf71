using System.Globalization;

namespace EsusCheck.Chat.Replies;

/// <summary>French typography for replies: dates (« 1er février 2026 »), lists (« a, b et c »).</summary>
public static class French
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(Culture)) + date.ToString(" MMMM yyyy", Culture);

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

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

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
}
