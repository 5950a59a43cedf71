namespace EsusCheck.Functions.Http;

/// <summary>The answer to <c>GET /v1/reference</c>: what the verdicts rest on, and in what state it is.</summary>
public sealed record ReferenceResponse(
    string RulesVersion,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReferenceList> Lists,
    IReadOnlyList<ReferenceSource> Sources);

/// <summary>A reference list: the imported ESUS list, or a rule table built into this version.</summary>
/// <param name="State">"loaded" | "stale" | "missing" | "unreadable" (the ESUS list) | "built_in" (the rule tables).</param>
public sealed record ReferenceList(
    string Id,
    string Name,
    string Description,
    string State,
    string? Version,
    DateOnly? PublishedOn,
    DateTimeOffset? ImportedAt,
    int? RowCount,
    string? Origin,
    bool? Stale,
    DateOnly? NextDueDate,
    string FreshnessPolicy);

/// <summary>A public registry the checks ask.</summary>
/// <param name="Role">"identity" | "identity_fallback" | "complement".</param>
/// <param name="Configuration">"configured" | "not_configured" (a key or token is missing) | "not_required".</param>
public sealed record ReferenceSource(
    string Id,
    string Name,
    string Description,
    string Role,
    bool Registered,
    string Configuration,
    string FreshnessPolicy,
    SourceHealth? Health);
