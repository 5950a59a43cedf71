using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>L2113-15: contracts relating exclusively to the listed social and specific services, reserved to ESS
/// companies and equivalent structures whose aim is a linked public-service mission. The status comes from the verdict
/// table of <see cref="ReservedContractRules.SocialServicesVerdicts"/>: never <c>eligible</c>, since that mission and the
/// buyer's own award history (L2113-16) are in no registry.</summary>
internal static class SocialServicesContractEvaluation
{
    private static readonly ReservedContractRule Rule = ReservedContractRules.For(ReservedArticle.L2113_15);

    public static ReservedContractVerdict Evaluate(CompanyFacts facts, EssFinding ess, PurchaseContext context)
    {
        if (ClosedOrCeased.Reason(facts) is { } closed)
            return new(ReservedArticle.L2113_15, ContractStatus.NotEligible, [closed], Rule.LegalBasis);

        CpvMatch? match = null;
        string? label = null;
        if (context.Cpv is { } given) match = SocialServicesCpv.Match(given, out label);
        var status = ReservedContractRules.SocialServicesVerdict(match, ess.Verdict.Status);

        var reasons = new List<string> { ServiceReason(context, match, label) };
        if (match != CpvMatch.NotListed) reasons.Add(EssReason(ess));
        if (status == ContractStatus.NotEligible)
            return new(ReservedArticle.L2113_15, status, reasons, Rule.LegalBasis);

        reasons.Add("Aucun registre ne montre les conditions suivantes : l'acheteur doit encore les confirmer.");
        reasons.AddRange(Rule.Conditions.Select((c, i) => $"({(char)('a' + i)}) {c.Text}"));
        return new(ReservedArticle.L2113_15, status, reasons, Rule.LegalBasis) { Conditions = Rule.Conditions };
    }

    private static string ServiceReason(PurchaseContext context, CpvMatch? match, string? label) => match switch
    {
        null => "Aucun code CPV n'a été indiqué : seuls les marchés portant exclusivement sur les services sociaux et autres " +
                $"services spécifiques listés par l'avis annexé au code (codes CPV {ListedCodes()}) peuvent être réservés sur ce " +
                "fondement ; vérifiez l'objet du marché.",
        CpvMatch.Listed => $"Le code CPV {context.Cpv} relève des services pouvant être réservés : {label}.",
        CpvMatch.UnderListedCode => $"Le code CPV {context.Cpv} est une subdivision de la catégorie « {label} » de la liste : " +
                                    "vérifiez que le service acheté entre bien dans cette catégorie.",
        _ => $"Le code CPV {context.Cpv} ne figure pas parmi les services sociaux et autres services spécifiques pour lesquels un " +
             "marché peut être réservé sur ce fondement (aux entreprises de l'ESS et aux structures équivalentes).",
    };

    private static string EssReason(EssFinding ess) => ess.Verdict.Status switch
    {
        EssStatus.Yes => $"D'après les registres, l'entreprise appartient à l'ESS : {FrenchText.Join(ess.Bases)}.",
        EssStatus.Unknown => "L'appartenance de l'entreprise à l'ESS n'est pas établie par les registres : demandez-lui de la " +
                             "justifier (statuts, extrait Kbis), ou de justifier qu'elle est une structure équivalente.",
        _ => "L'entreprise n'est pas identifiée comme entreprise de l'ESS : elle ne peut candidater sur ce fondement que si elle " +
             "justifie de cette qualité, ou qu'elle est une structure équivalente ayant pour objectif une mission de service " +
             "public liée à ces services.",
    };

    private static string ListedCodes() =>
        FrenchText.Join([
            $"{SocialServicesCpv.HealthAndSocialRange.From} à {SocialServicesCpv.HealthAndSocialRange.To}",
            .. SocialServicesCpv.Listed.Select(l => l.Code[..8]),
        ]);
}
