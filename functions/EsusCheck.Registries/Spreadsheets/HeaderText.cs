using System.Globalization;
using System.Text;

namespace EsusCheck.Registries.Spreadsheets;

/// <summary>Header and title cells as people type them, reduced to comparable words: without accents, case,
/// punctuation or repeated spaces (« Date d'agrément » → « date d agrement », « Dépense (€ HT) » → « depense ht »). The
/// number sign is spelled out first, since « N° » alone would become « n » (« N° SIRET » → « numero siret »).</summary>
public static class HeaderText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Replace("n°", "numero ", StringComparison.OrdinalIgnoreCase)
            .Replace("nº", "numero ", StringComparison.OrdinalIgnoreCase)
            .Normalize(NormalizationForm.FormD);
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

    public static string[] Words(string normalised) => normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
