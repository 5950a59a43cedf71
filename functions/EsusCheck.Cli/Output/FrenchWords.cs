using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;

namespace EsusCheck.Cli.Output;

/// <summary>The words a French buyer reads for each status of the report (never the raw enum values), with a colour.</summary>
internal static class FrenchWords
{
    public static (string Text, string Colour) Of(ContractStatus status) => status switch
    {
        ContractStatus.Eligible => ("éligible", "green"),
        ContractStatus.NotEligible => ("non éligible", "red"),
        _ => ("à vérifier", "yellow"),
    };

    public static (string Text, string Colour) Of(EssStatus status) => status switch
    {
        EssStatus.Yes => ("oui", "green"),
        EssStatus.No => ("non", "red"),
        _ => ("à vérifier", "yellow"),
    };

    public static (string Text, string Colour) Of(EsusStatus status) => status switch
    {
        EsusStatus.Accredited => ("agréée", "green"),
        EsusStatus.NotAccredited => ("non agréée", "red"),
        _ => ("à vérifier", "yellow"),
    };

    /// <summary>What each article reserves, in a few words.</summary>
    public static string Describe(ReservedArticle article) => article switch
    {
        ReservedArticle.L2113_12 => "entreprises adaptées et ESAT",
        ReservedArticle.L2113_13 => "structures d'insertion par l'activité économique",
        ReservedArticle.L2113_13_1 => "travail des personnes détenues",
        ReservedArticle.L2113_15 => "services sociaux réservés aux entreprises de l'ESS et structures équivalentes",
        _ => article.ToArticle(),
    };

    public static string Outcome(string source, string outcome) => EvidenceWords.Outcome(source, outcome);

    public static string CompanyState(string? state) => EvidenceWords.CompanyState(state);

    public static string EstablishmentState(string? state) => EvidenceWords.EstablishmentState(state);

    public static string Source(string source) => SourceDisplayNames.For(source);
}
