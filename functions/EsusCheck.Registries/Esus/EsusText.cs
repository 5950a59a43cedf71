using System.Globalization;
using System.Text;

namespace EsusCheck.Registries.Esus;

/// <summary>Header and title text compared the way people write it: without accents, case, punctuation or repeated
/// spaces (« Date d'agrément » → « date d agrement »).</summary>
public static class EsusText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else pendingSpace = true;
        }
        return builder.ToString();
    }

    public static IReadOnlyList<string> Words(string normalised) =>
        normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
