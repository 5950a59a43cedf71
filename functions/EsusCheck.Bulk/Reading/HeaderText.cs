using System.Globalization;
using System.Text;

namespace EsusCheck.Bulk.Reading;

/// <summary>Header cells as people type them, reduced to comparable words: « N° SIRET » → « numero siret »,
/// « Dépense (€ HT) » → « depense ht ».</summary>
internal static class HeaderText
{
    public static string Normalise(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return "";
        var text = header.Replace("n°", "numero ", StringComparison.OrdinalIgnoreCase)
            .Replace("nº", "numero ", StringComparison.OrdinalIgnoreCase)
            .Replace("n.°", "numero ", StringComparison.OrdinalIgnoreCase)
            .Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }
        return builder.ToString().Trim();
    }

    public static string[] Words(string normalised) => normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
