using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Engine;

/// <summary>The functional core: facts in, verdicts out. No I/O, no clock of its own, no randomness.</summary>
public static class EligibilityEngine
{
    public static EligibilityReport Evaluate(CompanyFacts facts, PurchaseContext context, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var signals = KindSignal.From(facts);
        var esus = EsusValidity.Of(facts, today);
        var ess = EssEvaluation.Evaluate(facts, esus);

        return new EligibilityReport
        {
            Siret = facts.Siret.Value,
            Siren = facts.Siren.Value,
            CheckedAt = now,
            Cpv = context.Cpv?.ToString(),
            Company = CompanySectionMapping.From(facts.Identity),
            Ess = ess.Verdict,
            Esus = EsusEvaluation.Evaluate(facts, esus, signals, today),
            InclusionKinds = signals.Where(s => s.IsActive != false).Select(s => s.Kind).Distinct().Order().ToList(),
            ReservedContracts =
            [
                InclusionContractEvaluation.Evaluate(ReservedArticle.L2113_12, facts, signals),
                InclusionContractEvaluation.Evaluate(ReservedArticle.L2113_13, facts, signals),
                InclusionContractEvaluation.Evaluate(ReservedArticle.L2113_13_1, facts, signals),
                SocialServicesContractEvaluation.Evaluate(facts, ess, context),
            ],
            Evidence = EvidenceMapping.From(facts),
            Warnings = Warnings.From(facts, esus, today),
            RulesVersion = RulesVersion.Current,
        };
    }
}
