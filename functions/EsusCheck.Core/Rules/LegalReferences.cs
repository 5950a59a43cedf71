using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Rules;

/// <summary>Every article a verdict may cite. Links are Légifrance searches by article (law.md allows them where the
/// LEGIARTI id is not verified); replace a link by its article_lc URL once checked.</summary>
public static class LegalReferences
{
    private const string CommandePublique = "Code de la commande publique";
    private const string Travail = "Code du travail";
    private const string ActionSociale = "Code de l'action sociale et des familles";
    private const string LoiEss = "Loi n° 2014-856 du 31 juillet 2014";

    public static readonly LegalBasis EssDefinition = new(LoiEss, "art. 1",
        "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296");
    public static readonly LegalBasis EssSocialUtility = new(LoiEss, "art. 2",
        "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296");
    public static readonly LegalBasis EsusAgrement = Code(Travail, "L3332-17-1");
    public static readonly LegalBasis EsusConditions = Code(Travail, "R3332-21-1");
    public static readonly LegalBasis ReservedDisability = Code(CommandePublique, "L2113-12");
    /// <summary>R2113-7: the 50 % share for L2113-12, L2113-13 and L2113-13-1, and the duty to state the reservation in the
    /// notice or the consultation documents.</summary>
    public static readonly LegalBasis ReservedShare = Code(CommandePublique, "R2113-7");
    public static readonly LegalBasis ReservedInclusion = Code(CommandePublique, "L2113-13");
    public static readonly LegalBasis SiaeDefinition = Code(Travail, "L5132-4");
    public static readonly LegalBasis ReservedPrisonWork = Code(CommandePublique, "L2113-13-1");
    public static readonly LegalBasis ReservedCombination = Code(CommandePublique, "L2113-14");
    public static readonly LegalBasis ReservedEss = Code(CommandePublique, "L2113-15");
    public static readonly LegalBasis ReservedEssLimits = Code(CommandePublique, "L2113-16");
    public static readonly LegalBasis EntrepriseAdaptee = Code(Travail, "L5213-13");
    public static readonly LegalBasis Esat = Code(ActionSociale, "L344-2");

    public static readonly IReadOnlyList<LegalBasis> All =
    [
        EssDefinition, EssSocialUtility, EsusAgrement, EsusConditions, ReservedDisability, ReservedShare,
        ReservedInclusion, SiaeDefinition, ReservedPrisonWork, ReservedCombination, ReservedEss, ReservedEssLimits,
        EntrepriseAdaptee, Esat,
    ];

    private static LegalBasis Code(string code, string article) =>
        new(code, article, $"https://www.legifrance.gouv.fr/search/code?query={article}");
}
