using System.Text.Json;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Functions.Web;

/// <summary>The French words the page shows for the report's codes, and the L2113-15 CPV list it suggests, taken from
/// Core's wording (<c>Core/Wording</c>) and rule tables, which the chat, the CLI and the bulk columns use too: the
/// page's JavaScript restates none of them.</summary>
public static class PageVocabulary
{
    public static string Json() => JsonSerializer.Serialize(new
    {
        subjects = new { ess = VerdictWords.EssSubject, esus = VerdictWords.EsusSubject },
        ess = Enum.GetValues<EssStatus>().ToDictionary(Code, s => Word(VerdictWords.Of(s))),
        esus = Enum.GetValues<EsusStatus>().ToDictionary(Code, s => Word(VerdictWords.Of(s))),
        contract = Enum.GetValues<ContractStatus>().ToDictionary(Code, s => Word(VerdictWords.Of(s))),
        articles = Enum.GetValues<ReservedArticle>().ToDictionary(a => a.ToArticle(), ArticleWords.Subject),
        sources = Sources.ToDictionary(s => s, SourceDisplayNames.For),
        outcomes = Sources.ToDictionary(s => s, s => EvidenceWords.Outcomes.ToDictionary(o => o, o => EvidenceWords.Outcome(s, o))),
        companyStates = new[] { "active", "ceased" }.ToDictionary(s => s, s => (string?)EvidenceWords.CompanyState(s)),
        establishmentStates = new[] { "active", "closed" }.ToDictionary(s => s, s => (string?)EvidenceWords.EstablishmentState(s)),
        cpv = SocialServicesCpv.Listed.Select(c => new { code = c.Code, label = c.Label })
            .Prepend(new { code = SocialServicesCpv.HealthAndSocialRange.From, label = SocialServicesCpv.HealthAndSocialRange.Label }),
    }, ReportJson.Options);

    private static readonly string[] Sources =
        [SourceNames.RechercheEntreprises, SourceNames.MarcheInclusion, SourceNames.Sirene, SourceNames.Finess, SourceNames.EsusList];

    private static string Code<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, ReportJson.Options).Trim('"');

    private static object Word(StatusWord word) => new { label = word.Label, tone = word.Tone.ToString().ToLowerInvariant() };
}
