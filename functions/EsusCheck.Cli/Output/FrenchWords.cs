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

    public static string Outcome(string source, string outcome) => (source, outcome) switch
    {
        (SourceNames.EsusList, "found") => "SIREN présent sur la liste",
        (SourceNames.EsusList, "not_found") => "SIREN absent de la liste",
        (SourceNames.EsusList, "not_configured") => "aucune liste chargée",
        (_, var other) => Outcome(other),
    };

    private static string Outcome(string outcome) => outcome switch
    {
        "found" => "a répondu",
        "not_found" => "ne connaît pas ce numéro",
        "unavailable" => "indisponible",
        "not_configured" => "non configuré",
        _ => outcome,
    };

    public static string CompanyState(string? state) => state switch
    {
        "active" => "entreprise active",
        "ceased" => "entreprise cessée",
        _ => "état de l'entreprise inconnu",
    };

    public static string EstablishmentState(string? state) => state switch
    {
        "active" => "établissement ouvert",
        "closed" => "établissement fermé",
        _ => "état de l'établissement inconnu",
    };

    public static string Source(string source) => SourceDisplayNames.For(source);
}
