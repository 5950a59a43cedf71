using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Engine;

/// <summary>L2113-15: contracts relating exclusively to the listed social and specific services, reserved to ESS
/// companies. The verdict table is law.md §4.</summary>
internal static class SocialServicesContractEvaluation
{
    // L2113-16 is tagged [B] in law.md: stated on every verdict, flagged as to be confirmed.
    private static readonly string DurationLimits =
        "Rappel : " + char.ToLowerInvariant(ReservedContractRules.SocialServicesLimits[0]) + ReservedContractRules.SocialServicesLimits[1..];

    private static readonly IReadOnlyList<LegalBasis> Basis = ReservedContractRules.For(ReservedArticle.L2113_15).LegalBasis;

    public static ReservedContractVerdict Evaluate(CompanyFacts facts, EssVerdict ess, PurchaseContext context)
    {
        if (ClosedOrCeased.Reason(facts) is { } closed)
            return Verdict(ContractStatus.NotEligible, closed);

        if (context.Cpv is not { } cpv)
        {
            var services = "Seuls les marchés portant exclusivement sur les services sociaux et autres services spécifiques " +
                           "listés par l'avis annexé au code (codes CPV 85000000 à 85323000, 75121000, 75122000, 75123000, 79622000, " +
                           "79624000, 79625000, 80110000, 80300000, 80420000, 80430000, 80511000, 80520000, 80590000, 92500000, " +
                           "92600000, 98133000, 98133110) peuvent être réservés.";
            return ess.Status == EssStatus.No
                ? Verdict(ContractStatus.NotEligible, NotEss, services)
                : Verdict(ContractStatus.ToVerify, ess.Status == EssStatus.Yes
                    ? "L'entreprise appartient à l'ESS, mais aucun code CPV n'a été indiqué : l'éligibilité dépend de l'objet du marché."
                    : "Aucun code CPV n'a été indiqué et l'appartenance de l'entreprise à l'ESS n'est pas établie.", services);
        }

        var match = SocialServicesCpv.Match(cpv, out var label);
        if (match == CpvMatch.NotListed)
            return Verdict(ContractStatus.NotEligible,
                $"Le code CPV {cpv} ne figure pas parmi les services sociaux et autres services spécifiques pour lesquels un " +
                "marché peut être réservé aux entreprises de l'ESS.");

        var service = match == CpvMatch.Listed
            ? $"Le code CPV {cpv} relève des services pouvant être réservés : {label}."
            : $"Le code CPV {cpv} est une subdivision de la catégorie « {label} » de la liste : vérifiez que le service acheté " +
              "entre bien dans cette catégorie.";

        return ess.Status switch
        {
            EssStatus.No => Verdict(ContractStatus.NotEligible, service, NotEss),
            EssStatus.Unknown => Verdict(ContractStatus.ToVerify, service,
                "L'appartenance de l'entreprise à l'ESS n'est pas établie : demandez-lui de la justifier (statuts, extrait Kbis)."),
            _ when match == CpvMatch.UnderListedCode => Verdict(ContractStatus.ToVerify, service, "L'entreprise appartient à l'ESS."),
            _ => Verdict(ContractStatus.Eligible, service,
                "L'entreprise appartient à l'ESS : elle peut candidater à un marché réservé sur ce fondement, dont l'objet doit " +
                "porter exclusivement sur ces services."),
        };
    }

    private const string NotEss =
        "L'entreprise n'est pas identifiée comme entreprise de l'ESS : elle ne peut candidater sur ce fondement que si elle " +
        "justifie de cette qualité (ou d'une structure équivalente poursuivant une mission de service public liée à ces services).";

    private static ReservedContractVerdict Verdict(ContractStatus status, params string[] reasons) =>
        new(ReservedArticle.L2113_15, status, [.. reasons, DurationLimits], Basis);
}
