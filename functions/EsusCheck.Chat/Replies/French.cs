using System.Globalization;

namespace EsusCheck.Chat.Replies;

/// <summary>French capitals for replies; dates and lists are the engine's (<c>Core.Engine.FrenchText</c>).</summary>
public static class French
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
}
