using System.Globalization;
using System.Text;

namespace EsusCheck.Chat.Understanding;

/// <summary>Buyers type fast: « agreee », « reserve », « Creche ». Everything the interpreter compares is lowercase,
/// without diacritics, with ligatures spelled out and every apostrophe or punctuation mark as a word break.</summary>
public static class TextNormaliser
{
    public static string Normalise(string text)
    {
        var decomposed = text.Replace("œ", "oe").Replace("Œ", "oe").Replace("æ", "ae").Replace("Æ", "ae")
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The words of a text, normalised: letters and digits only (« c'est » gives « c », « est »).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var normalised = Normalise(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in normalised)
        {
            if (char.IsAsciiLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
