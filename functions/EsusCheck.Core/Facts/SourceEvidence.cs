using System.Text.Json.Serialization;

namespace EsusCheck.Core.Facts;

[JsonConverter(typeof(JsonStringEnumConverter<SourceOutcome>))]
public enum SourceOutcome
{
    /// <summary>The source answered and knows the company.</summary>
    Found,
    /// <summary>The source answered and does not know it (Recherche: 200 with no result; Marché: 200 []; INSEE: 404).</summary>
    NotFound,
    /// <summary>The source could not be asked or did not answer usably (outage, 429 past retries, timeout, malformed body, 401).</summary>
    Unavailable,
    /// <summary>The source needs a key or token that is not configured.</summary>
    NotConfigured,
}

/// <summary>How one source answered for one check: when, whether from the cache, and in what state.</summary>
public sealed record SourceEvidence(
    string Source,
    SourceOutcome Outcome,
    DateTimeOffset RetrievedAt,
    bool FromCache = false,
    bool Stale = false,
    string? Detail = null);
