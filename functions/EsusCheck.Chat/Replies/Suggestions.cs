using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Replies;

/// <summary>Follow-up questions in French, each one a message the interpreter understands (a test holds it to that).</summary>
public static class Suggestions
{
    public const string AskEsus = "Est-elle agréée ESUS ?";
    public const string AskSocialServices = "Peut-on lui réserver un marché de services sociaux ?";
    public const string AskReserved = "Peut-on lui réserver un marché ?";
    public const string ExplainEsus = "C'est quoi l'agrément ESUS ?";
    public const string ExplainReserved = "C'est quoi un marché réservé ?";
    public const string AskCreche = "Un marché de crèche peut-il être réservé ?";

    public static IReadOnlyList<string> For(MessageUnderstanding understanding, IReadOnlyList<CompanyResult> results)
    {
        var reports = results.Select(r => r.Outcome.Report).OfType<EligibilityReport>().ToList();
        if (reports.Count > 0)
        {
            var list = new List<string>();
            if (understanding.Intent != Intent.EsusQuestion) list.Add(AskEsus);
            if (understanding.Intent != Intent.ReservedContractQuestion) list.Add(AskReserved);
            else if (understanding.Cpv is null) list.Add(AskSocialServices);
            var open = reports.SelectMany(r => r.ReservedContracts)
                .Where(c => c.Status != ContractStatus.NotEligible && c.Article != ReservedArticle.L2113_15)
                .Select(c => c.Article).Distinct().FirstOrDefault(ReservedArticle.L2113_13);
            list.Add($"C'est quoi un marché réservé {open.ToArticle()} ?");
            return list;
        }
        return understanding.Intent switch
        {
            Intent.ExplainRule when understanding.Topic?.Kind == RuleTopicKind.Esus => [ExplainReserved, AskCreche],
            Intent.ExplainRule => [ExplainEsus, ExplainReserved],
            _ when understanding.NeedsCompany || results.Count > 0 => [ExplainEsus, ExplainReserved],
            _ => [ExplainEsus, ExplainReserved, AskCreche],
        };
    }
}
