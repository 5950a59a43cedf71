using EsusCheck.Core.Reports;

namespace EsusCheck.Spaser.Indicators;

/// <summary>A number of contracts and their value (montant HT as declared: a maximum for framework agreements).</summary>
public sealed record Measure(int Contracts, decimal Amount);

/// <summary>A part of the contracts of a buyer and year, in number and in value, with both shares (4 decimals).</summary>
public sealed record ShareMeasure(int Contracts, decimal Amount, decimal? ShareOfContracts, decimal? ShareOfAmount);

/// <summary>The national target beside the buyer's figure: whether the year is in the target's period and whether the
/// share in number of contracts reaches it.</summary>
public sealed record TargetComparison(decimal Target, string Period, bool YearInPeriod, bool? Reached, string Text);

/// <summary>Contracts with at least one holder in the category, the value awarded to those holders (the montant
/// shared equally among co-holders, the DECP giving no split), the contracts whose holder is still « à vérifier »
/// (not counted), and the distinct SIRETs in the category.</summary>
public sealed record CategoryFigures(
    HolderCategory Category, string Label, int Contracts, decimal Amount, decimal? ShareOfContracts, decimal? ShareOfAmount,
    int ContractsToVerify, int Holders);

public sealed record CategorySubcontracting(HolderCategory Category, string Label, int Acts, decimal Amount, decimal? ShareOfAmount);

/// <summary>Declared subcontracting (« actes spéciaux de sous-traitance »): all acts, then those to subcontractors in
/// each category.</summary>
public sealed record SubcontractingFigures(int Acts, decimal Amount, IReadOnlyList<CategorySubcontracting> ByCategory);

public sealed record ArticleCount(string Article, int Contracts);

/// <summary>« Marché réservé » contracts, and for each reserved-contract article the contracts where at least one
/// holder's verdict supports it (« éligible » or « à vérifier »): the DECP does not say which article was used.</summary>
public sealed record ReservedFigures(int Contracts, decimal Amount, IReadOnlyList<ArticleCount> ByArticle, int WithoutSupportedArticle);

/// <summary>Holder occurrences (a holder counts once per contract): how many were checked, and why the others were not.</summary>
public sealed record HolderFigures(int Occurrences, int Checked, int NotSiret, int InvalidSiret, int NoVerdict);

/// <summary>The SPASER indicators of one buyer (SIRET of <c>acheteur.id</c>) for one year of notification.</summary>
public sealed record SpaserIndicators(
    string BuyerId,
    int Year,
    Measure Contracts,
    int FrameworkAgreements,
    ShareMeasure WithSocialConsideration,
    ShareMeasure SocialClause,
    ShareMeasure SocialCriterion,
    ShareMeasure ReservedMarked,
    int ConsiderationsNotDeclared,
    TargetComparison Target,
    IReadOnlyList<CategoryFigures> Categories,
    SubcontractingFigures Subcontracting,
    ReservedFigures Reserved,
    HolderFigures Holders,
    IReadOnlyDictionary<string, int> Flags)
{
    public CategoryFigures Category(HolderCategory category) => Categories.Single(c => c.Category == category);
}

/// <summary>One line of the « Titulaires » sheet: an operator of the file (holder or subcontractor), its verdicts, and
/// what it was awarded across the contracts read.</summary>
public sealed record HolderLine(
    string IdentifierType,
    string Identifier,
    string? Siret,
    OperatorStatus Status,
    string? Message,
    string? Name,
    string? LegalForm,
    EssStatus? Ess,
    EsusStatus? Esus,
    ContractStatus? L2113_12,
    ContractStatus? L2113_13,
    ContractStatus? L2113_13_1,
    bool Closed,
    DateOnly? ClosedOn,
    int Contracts,
    decimal Amount,
    int SubcontractActs,
    decimal SubcontractAmount);
