namespace EsusCheck.Core.Facts;

/// <summary>What one registry said about one SIRET. Each registry adapter returns this; the cache stores it as it is;
/// <see cref="CompanyFacts"/> merges them. Never thrown away: an unavailable source still yields its evidence.</summary>
public sealed record SourceFacts
{
    public required SourceEvidence Evidence { get; init; }
    public CompanyIdentity? Identity { get; init; }
    /// <summary>Recherche d'entreprises <c>complements.est_ess</c> or INSEE <c>economieSocialeSolidaireUniteLegale</c>.</summary>
    public bool? EssFlag { get; init; }
    public IReadOnlyList<InclusionKindFact> InclusionKinds { get; init; } = [];
    public IReadOnlyList<FinessCategoryFact> FinessCategories { get; init; } = [];
    /// <summary>For an unavailable source that said when to come back (429/503 <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>For an unavailable source that was never asked: the call waited too long for its turn behind the
    /// registry's rate limit (<c>registries_busy</c>), as opposed to a registry that failed to answer.</summary>
    public bool Busy { get; init; }

    public string Source => Evidence.Source;
    public SourceOutcome Outcome => Evidence.Outcome;

    public static SourceFacts NotFound(string source, DateTimeOffset at, string? detail = null) =>
        new() { Evidence = new(source, SourceOutcome.NotFound, at, Detail: detail) };

    public static SourceFacts Unavailable(string source, DateTimeOffset at, string detail, TimeSpan? retryAfter = null, bool busy = false) =>
        new() { Evidence = new(source, SourceOutcome.Unavailable, at, Detail: detail), RetryAfter = retryAfter, Busy = busy };

    public static SourceFacts NotConfigured(string source, DateTimeOffset at, string detail) =>
        new() { Evidence = new(source, SourceOutcome.NotConfigured, at, Detail: detail) };
}
