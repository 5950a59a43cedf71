using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Wording;

/// <summary>The names of the reserved-contract articles as a buyer reads them: in a reply, on a terminal line, in a
/// result-column header, and as the kind of supplier counted in totals.</summary>
public static class ArticleWords
{
    private sealed record Names(string Beneficiaries, string ColumnNote, string? Category);

    /// <summary>Each article's words; <c>Category</c> is null where no total counts that kind of supplier.</summary>
    private static Names For(ReservedArticle article) => article switch
    {
        ReservedArticle.L2113_12 => new("entreprises adaptées et ESAT", "EA, ESAT", "EA et ESAT"),
        ReservedArticle.L2113_13 => new("structures d'insertion par l'activité économique", "SIAE", "SIAE"),
        ReservedArticle.L2113_13_1 => new("travail des personnes détenues", "travail pénitentiaire", null),
        ReservedArticle.L2113_15 => new("services sociaux réservés aux entreprises de l'ESS et structures équivalentes",
            "ESS, services sociaux", "Services sociaux"),
        _ => throw new ArgumentOutOfRangeException(nameof(article), article, $"No French words for {article}."),
    };

    /// <summary>« Marché réservé aux structures d'insertion par l'activité économique (L2113-13) ».</summary>
    public static string Subject(ReservedArticle article) =>
        $"{ReservedContractRules.For(article).Title.Capitalise()} ({article.ToArticle()})";

    /// <summary>What the article reserves, in a few words: « structures d'insertion par l'activité économique ».</summary>
    public static string Describe(ReservedArticle article) => For(article).Beneficiaries;

    /// <summary>« Marché réservé L2113-13 (SIAE) ».</summary>
    public static string ColumnHeader(ReservedArticle article) => $"Marché réservé {article.ToArticle()} ({For(article).ColumnNote})";

    /// <summary>« SIAE (marchés réservés L2113-13) », the suppliers a total counts for the article.</summary>
    public static string Category(ReservedArticle article) =>
        For(article).Category is { } name
            ? $"{name} (marchés réservés {article.ToArticle()})"
            : throw new ArgumentOutOfRangeException(nameof(article), article, "No total counts the suppliers of this article.");
}

/// <summary>The kinds of supplier the bulk totals and the SPASER indicators count.</summary>
public static class CategoryWords
{
    public const string Ess = "Entreprises de l'ESS";
    public const string Esus = "Entreprises agréées ESUS";
}
