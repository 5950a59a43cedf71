using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Core.Reports;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>HTTP caching of reports: a strong ETag over what the report says, and a <c>Cache-Control</c> that lets a
/// client reuse a sound report as long as the server would reuse its facts (at most
/// <see cref="HttpApiOptions.ReportMaxAge"/>), but makes it revalidate a degraded one.</summary>
public sealed class ReportCaching(IOptions<HttpApiOptions> options, ISourceFreshness freshness, TimeProvider clock)
{
    public const string DegradedCacheControl = "private, no-cache";

    public IReadOnlyDictionary<string, string> HeadersFor(EligibilityReport report) => new Dictionary<string, string>
    {
        ["ETag"] = ETagOf(report),
        ["Cache-Control"] = CacheControlFor(report),
    };

    /// <summary>A report built on stale or missing facts should be asked again as soon as possible; otherwise the
    /// client may keep it until the first of its cached facts would be fetched again by the server.</summary>
    public string CacheControlFor(EligibilityReport report)
    {
        if (report.Evidence.Any(e => e.Stale || e.Outcome == "unavailable")) return DegradedCacheControl;
        var now = clock.GetUtcNow();
        var maxAge = options.Value.ReportMaxAge;
        // Only answers (found / not found) are cached; an unconfigured source is asked, and answers the same, every time.
        foreach (var item in report.Evidence.Where(e => e.Outcome is "found" or "not_found"))
            if (freshness.FreshnessOf(item.Source, item.Outcome == "found") is { } fresh && item.RetrievedAt + fresh - now < maxAge)
                maxAge = item.RetrievedAt + fresh - now;
        var seconds = (long)Math.Floor(maxAge.TotalSeconds);
        return seconds <= 0 ? DegradedCacheControl : $"private, max-age={seconds.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The hash of the report's JSON without what changes on every check (when it was checked, when each
    /// source was read, whether from cache, the evidence wording): two reports with one ETag give the same verdicts,
    /// reasons, company data and source outcomes, so a client holding one needs not download the other.</summary>
    public static string ETagOf(EligibilityReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, ReportJson.Options)!.AsObject();
        node.Remove("checkedAt");
        foreach (var item in node["evidence"]!.AsArray().OfType<JsonObject>())
        {
            item.Remove("retrievedAt");
            item.Remove("fromCache");
            item.Remove("detail");
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString()));
        return $"\"{Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary><c>If-None-Match</c> uses the weak comparison (RFC 9110 §13.1.2): a <c>W/</c> prefix is ignored.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*") return true;
            var opaque = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (opaque == etag) return true;
        }
        return false;
    }
}
