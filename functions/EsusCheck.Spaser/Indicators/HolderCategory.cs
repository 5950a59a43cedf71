using System.Text.Json.Serialization;
using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Spaser.Indicators;

/// <summary>The kinds of holder a SPASER counts: the same four as the bulk supplier totals (docs/bulk.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HolderCategory>))]
public enum HolderCategory
{
    [JsonStringEnumMemberName("ess")] Ess,
    [JsonStringEnumMemberName("esus")] Esus,
    [JsonStringEnumMemberName("siae")] Siae,
    [JsonStringEnumMemberName("eaEsat")] EaEsat,
}

public static class HolderCategories
{
    public static readonly IReadOnlyList<HolderCategory> All = [HolderCategory.Ess, HolderCategory.Esus, HolderCategory.Siae, HolderCategory.EaEsat];

    public static string Label(this HolderCategory category) => category switch
    {
        HolderCategory.Ess => CategoryWords.Ess,
        HolderCategory.Esus => CategoryWords.Esus,
        HolderCategory.Siae => ArticleWords.Category(ReservedArticle.L2113_13),
        _ => ArticleWords.Category(ReservedArticle.L2113_12),
    };

    /// <summary>The short name used in column headers and charts.</summary>
    public static string Short(this HolderCategory category) => category switch
    {
        HolderCategory.Ess => "ESS",
        HolderCategory.Esus => "ESUS",
        HolderCategory.Siae => "SIAE",
        _ => "EA/ESAT",
    };

    /// <summary>True when the verdict puts the operator in the category (ESS « oui », ESUS « agréée », L2113-13 or
    /// L2113-12 « éligible »), null when it is « à vérifier », false otherwise.</summary>
    public static bool? Membership(this BulkItemResult result, HolderCategory category) => category switch
    {
        HolderCategory.Ess => result.Ess switch { EssStatus.Yes => true, EssStatus.Unknown => null, _ => false },
        HolderCategory.Esus => result.Esus switch { EsusStatus.Accredited => true, EsusStatus.Unknown => null, _ => false },
        HolderCategory.Siae => Contract(result.L2113_13),
        _ => Contract(result.L2113_12),
    };

    private static bool? Contract(ContractStatus? status) => status switch
    {
        ContractStatus.Eligible => true,
        ContractStatus.ToVerify => null,
        _ => false,
    };
}
