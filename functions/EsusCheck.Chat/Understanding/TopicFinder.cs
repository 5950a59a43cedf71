using System.Text.RegularExpressions;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Understanding;

/// <summary>Finds the rule a message is about: an article (« L2113-13 », « l 2113 13 », « article L. 3332-17-1 »),
/// a kind of structure (« GEIQ », « entreprise adaptée »), the ESUS agrément, the ESS, reserved contracts.</summary>
public static partial class TopicFinder
{
    private static readonly Phrases Esus = new("esus", "agrement", "agrements", "agree", "agreee", "agrees", "agreees",
        "entreprise solidaire d'utilite sociale", "utilite sociale");
    private static readonly Phrases Ess = new("ess", "economie sociale", "economie solidaire", "economie sociale et solidaire");
    private static readonly Phrases ReservedContracts = new("marche reserve", "marches reserves", "marche reservee", "lot reserve",
        "lots reserves", "reservation de marche", "reservation des marches");
    private static readonly Phrases Siae = new("siae", "iae", "structure d'insertion", "structures d'insertion", "insertion par l'activite economique",
        "insertion");
    private static readonly Phrases Disability = new("handicap", "handicapes", "travailleurs handicapes", "entreprises adaptees", "secteur protege");
    private static readonly Phrases PrisonWork = new("penitentiaire", "detenus", "personnes detenues", "prison");

    private static readonly (InclusionKind Kind, Phrases Words)[] KindWords =
    [
        (InclusionKind.EI, new("entreprise d'insertion", "entreprises d'insertion")),
        (InclusionKind.AI, new("association intermediaire", "associations intermediaires")),
        (InclusionKind.ACI, new("aci", "chantier d'insertion", "chantiers d'insertion", "atelier chantier d'insertion")),
        (InclusionKind.ETTI, new("etti", "travail temporaire d'insertion")),
        (InclusionKind.EITI, new("eiti", "insertion par le travail independant")),
        (InclusionKind.GEIQ, new("geiq", "groupement d'employeurs pour l'insertion")),
        (InclusionKind.EATT, new("eatt", "entreprise adaptee de travail temporaire")),
        (InclusionKind.EA, new("entreprise adaptee")),
        (InclusionKind.ESAT, new("esat", "etablissement d'aide par le travail", "service d'aide par le travail")),
    ];

    /// <summary>The article references of a message, e.g. « L2113-13-1 », normalised to the Légifrance spelling.</summary>
    public static IReadOnlyList<string> Articles(string message) =>
        ArticlePattern().Matches(TextNormaliser.Normalise(message))
            .Select(m => (m.Groups["letter"].Success ? m.Groups["letter"].Value.ToUpperInvariant() : "L") + m.Groups["code"].Value + "-" + m.Groups["sub"].Value +
                         (m.Groups["subsub"].Success ? "-" + m.Groups["subsub"].Value : ""))
            .Distinct()
            .ToList();

    public static ReservedArticle? ReservedArticleIn(string message) =>
        Articles(message).Select(ToReservedArticle).FirstOrDefault(a => a is not null);

    /// <summary>The topic of a message, the most specific first; null when it names none.</summary>
    public static RuleTopic? Find(string message, IReadOnlyList<string> contentWords)
    {
        foreach (var article in Articles(message))
            if (ForArticle(article) is { } topic) return topic;

        foreach (var (kind, words) in KindWords)
            if (words.AnyIn(contentWords)) return new RuleTopic(RuleTopicKind.StructureKind, StructureKind: kind);
        if (UppercaseKind().Match(message) is { Success: true } acronym)
            return new RuleTopic(RuleTopicKind.StructureKind, StructureKind: Enum.Parse<InclusionKind>(acronym.Value));

        if (Esus.AnyIn(contentWords)) return new RuleTopic(RuleTopicKind.Esus);
        if (Ess.AnyIn(contentWords)) return new RuleTopic(RuleTopicKind.Ess);
        if (Siae.AnyIn(contentWords)) return RuleTopic.For(ReservedArticle.L2113_13);
        if (Disability.AnyIn(contentWords)) return RuleTopic.For(ReservedArticle.L2113_12);
        if (PrisonWork.AnyIn(contentWords)) return RuleTopic.For(ReservedArticle.L2113_13_1);
        if (ReservedContracts.AnyIn(contentWords)) return new RuleTopic(RuleTopicKind.ReservedContracts);
        return null;
    }

    public static bool MentionsEsus(IReadOnlyList<string> contentWords) => Esus.AnyIn(contentWords);

    public static bool MentionsEss(IReadOnlyList<string> contentWords) => Ess.AnyIn(contentWords);

    /// <summary>Articles the bot can explain; others (thresholds, concessions…) are not its subject.</summary>
    public static RuleTopic? ForArticle(string article) => article switch
    {
        "L2113-14" => new RuleTopic(RuleTopicKind.Combination),
        "L2113-16" => new RuleTopic(RuleTopicKind.SocialServicesLimits),
        "L3332-17-1" or "R3332-21-1" => new RuleTopic(RuleTopicKind.Esus),
        "L5132-4" => RuleTopic.For(ReservedArticle.L2113_13),
        "L5213-13" => new RuleTopic(RuleTopicKind.StructureKind, StructureKind: InclusionKind.EA),
        "L344-2" => new RuleTopic(RuleTopicKind.StructureKind, StructureKind: InclusionKind.ESAT),
        "R2113-7" => RuleTopic.For(ReservedArticle.L2113_12),
        _ => ToReservedArticle(article) is { } reserved ? RuleTopic.For(reserved) : null,
    };

    private static ReservedArticle? ToReservedArticle(string article) => article switch
    {
        "L2113-12" => ReservedArticle.L2113_12,
        "L2113-13" => ReservedArticle.L2113_13,
        "L2113-13-1" => ReservedArticle.L2113_13_1,
        "L2113-15" => ReservedArticle.L2113_15,
        _ => null,
    };

    // « L2113-13 », « l. 2113-13 », « article 2113 13 », « L344-2 », « R2113-7 », « L3332-17-1 ».
    [GeneratedRegex(@"(?:\b(?<letter>[lr])\s?\.?\s?|\barticles?\s+(?:(?<letter>[lr])\s?\.?\s?)?)(?<code>\d{3,4})\s?[-\s]\s?(?<sub>\d{1,2})(?:\s?-\s?(?<subsub>\d))?\b")]
    private static partial Regex ArticlePattern();

    // Short acronyms that are also French words (« ai », « sep ») count only in capitals.
    [GeneratedRegex(@"\b(EI|AI|EA|SEP)\b")]
    private static partial Regex UppercaseKind();
}
