using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Rules;

/// <summary>A national target for socially responsible purchases, with the years it covers and its source.</summary>
public sealed record SocialPurchaseTarget(decimal Share, int FromYear, int ToYear, string Text, string Source)
{
    public string Period => $"{FromYear}-{ToYear}";

    public bool Covers(int year) => year >= FromYear && year <= ToYear;
}

/// <summary>The SPASER frame (decp.md, law.md §5): who must publish one, what its indicators count, and the national
/// target the figures are set beside.</summary>
public static class SpaserRules
{
    private const string CommandePublique = "Code de la commande publique";

    /// <summary>L2111-3: buyers above the threshold adopt and publish a SPASER with indicators « exprimés en nombre de
    /// contrats ou en valeur » on the real rates of socially and ecologically responsible purchases (wording: believed, decp.md).</summary>
    public static readonly LegalBasis Duty = new(CommandePublique, "L2111-3", "https://www.legifrance.gouv.fr/search/code?query=L2111-3");

    /// <summary>D2111-3: the threshold, 50 M€ HT of purchases a year since 1 January 2023.</summary>
    public static readonly LegalBasis Threshold = new(CommandePublique, "D2111-3", "https://www.legifrance.gouv.fr/search/code?query=D2111-3");

    public const decimal ThresholdAmount = 50_000_000m;

    /// <summary>PNAD 2022–2025: 30 % of the contracts notified with at least one social consideration by 2025 (decp.md, [V] RTES).</summary>
    public static readonly SocialPurchaseTarget NationalPlan = new(0.30m, 2022, 2025,
        "Plan national pour des achats durables (PNAD) 2022-2025 : 30 % des contrats notifiés comprenant au moins une considération sociale d'ici 2025",
        "PNAD 2022-2025");

    /// <summary>L2113-16 [believed, law.md §4]: a contract reserved under L2113-15 lasts at most 3 years.</summary>
    public const int ReservedEssMaxMonths = 36;
}
