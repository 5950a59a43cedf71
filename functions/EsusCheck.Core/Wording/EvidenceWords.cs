using EsusCheck.Core.Facts;

namespace EsusCheck.Core.Wording;

/// <summary>What a French buyer reads for each source outcome and company state of a report (never the raw values);
/// the CLI and the web page both read them here.</summary>
public static class EvidenceWords
{
    public static readonly IReadOnlyList<string> Outcomes = ["found", "not_found", "unavailable", "not_configured"];

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
}
