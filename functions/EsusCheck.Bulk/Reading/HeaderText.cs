using EsusCheck.Registries.Esus;

namespace EsusCheck.Bulk.Reading;

/// <summary>Header cells as people type them, reduced to comparable words: « N° SIRET » → « numero siret »,
/// « Dépense (€ HT) » → « depense ht ». The number sign is spelled out first, since « N° » alone would become « n ».</summary>
internal static class HeaderText
{
    public static string Normalise(string? header) => string.IsNullOrWhiteSpace(header)
        ? ""
        : EsusText.Normalise(header.Replace("n°", "numero ", StringComparison.OrdinalIgnoreCase)
            .Replace("nº", "numero ", StringComparison.OrdinalIgnoreCase));

    public static string[] Words(string normalised) => [.. EsusText.Words(normalised)];
}
