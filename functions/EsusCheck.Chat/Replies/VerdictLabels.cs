using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Chat.Replies;

/// <summary>The French words a buyer reads for each verdict; the JSON enum strings (<c>not_eligible</c>…) never
/// reach a reply.</summary>
public static class VerdictLabels
{
    public const string EssSubject = "Économie sociale et solidaire (ESS)";
    public const string EsusSubject = "Agrément ESUS";

    public static (string Status, Tone Tone) Of(EssStatus status) => status switch
    {
        EssStatus.Yes => ("oui", Tone.Good),
        EssStatus.No => ("non identifiée comme entreprise de l'ESS", Tone.Bad),
        _ => ("à établir", Tone.Warning),
    };

    public static (string Status, Tone Tone) Of(EsusStatus status) => status switch
    {
        EsusStatus.Accredited => ("agréée", Tone.Good),
        EsusStatus.NotAccredited => ("non agréée", Tone.Bad),
        _ => ("à vérifier", Tone.Warning),
    };

    public static (string Status, Tone Tone) Of(ContractStatus status) => status switch
    {
        ContractStatus.Eligible => ("éligible", Tone.Good),
        ContractStatus.NotEligible => ("non éligible", Tone.Bad),
        _ => ("à vérifier", Tone.Warning),
    };

    /// <summary>« Marché réservé aux structures d'insertion par l'activité économique (L2113-13) ».</summary>
    public static string Subject(ReservedArticle article) =>
        $"{French.Capitalise(ReservedContractRules.For(article).Title)} ({article.ToArticle()})";
}
