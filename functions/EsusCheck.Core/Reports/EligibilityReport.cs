using EsusCheck.Core.Facts;

namespace EsusCheck.Core.Reports;

/// <summary>The public contract of every interface (HTTP, bulk, chat, CLI). Serialise it with
/// <see cref="ReportJson.Options"/>; the JSON shape is pinned by a test.</summary>
public sealed record EligibilityReport
{
    public required string Siret { get; init; }
    public required string Siren { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
    /// <summary>The CPV code the purchase context gave, normalised, or null.</summary>
    public string? Cpv { get; init; }
    public required CompanySection Company { get; init; }
    public required EssVerdict Ess { get; init; }
    public required EsusVerdict Esus { get; init; }
    public required IReadOnlyList<InclusionKind> InclusionKinds { get; init; }
    public required IReadOnlyList<ReservedContractVerdict> ReservedContracts { get; init; }
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>The version of the rule tables that produced the verdicts (for audit).</summary>
    public required string RulesVersion { get; init; }
}

public sealed record CompanySection
{
    public string? Name { get; init; }
    public CodeLabel? LegalForm { get; init; }
    public CodeLabel? Activity { get; init; }
    /// <summary>"active" | "ceased"</summary>
    public string? CompanyState { get; init; }
    /// <summary>"active" | "closed"</summary>
    public string? EstablishmentState { get; init; }
    public bool? HeadOffice { get; init; }
    public string? Address { get; init; }
    /// <summary>"public" | "partial"</summary>
    public string? Diffusion { get; init; }
    /// <summary>When the company ceased or the establishment closed, as the registry dates it; null while active.</summary>
    public DateOnly? ClosedOn { get; init; }
}

public sealed record LegalBasis(string Code, string Article, string Url);

public sealed record EssVerdict(EssStatus Status, IReadOnlyList<string> Reasons, IReadOnlyList<LegalBasis> LegalBasis);

public sealed record EsusVerdict(
    EsusStatus Status,
    InclusionKind? ByRightCategory,
    DateOnly? ListPublishedOn,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<LegalBasis> LegalBasis);

public sealed record ReservedContractVerdict(
    ReservedArticle Article,
    ContractStatus Status,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<LegalBasis> LegalBasis)
{
    /// <summary>What no registry can show and the buyer must still confirm before reserving on this article
    /// (<c>Core/Rules/ReservedContractRules</c>); empty when the verdict is <c>not_eligible</c>.</summary>
    public IReadOnlyList<ContractCondition> Conditions { get; init; } = [];

    /// <summary>The reasons without the lines that restate a condition, for renderers that list the conditions apart.</summary>
    public IReadOnlyList<string> ReasonsBesideConditions() =>
        Reasons.Where(r => !Conditions.Any(c => r.EndsWith(c.Text, StringComparison.Ordinal))).ToList();

    /// <summary>The conditions no reason states already, for renderers that print every reason.</summary>
    public IReadOnlyList<ContractCondition> ConditionsBesideReasons() =>
        Conditions.Where(c => !Reasons.Any(r => r.EndsWith(c.Text, StringComparison.Ordinal))).ToList();
}

public sealed record EvidenceItem(
    string Source,
    DateTimeOffset RetrievedAt,
    bool FromCache,
    bool Stale,
    string? Detail,
    /// <summary>"found" | "not_found" | "unavailable" | "not_configured"</summary>
    string Outcome);
