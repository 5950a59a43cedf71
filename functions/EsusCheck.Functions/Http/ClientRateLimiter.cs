using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>Per-client limits at the HTTP edge, so that one key holder cannot spend everyone's registry budget
/// (<c>refresh=true</c> loops, large batches): a token bucket per client, refilled every minute; a request that finds
/// the bucket empty is answered 429 with <c>Retry-After</c>, before anything is checked.</summary>
public sealed class ClientRateLimiter : IDisposable
{
    public const string Code = "rate_limited";

    private readonly IOptions<HttpApiOptions> _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public ClientRateLimiter(IOptions<HttpApiOptions> options)
    {
        _options = options;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.Value.ClientChecksPerMinute),
                TokensPerPeriod = Math.Max(1, options.Value.ClientChecksPerMinute),
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes <paramref name="checks"/> tokens from the caller's bucket: null when granted, else the 429 problem.</summary>
    public ApiProblem? TryAcquire(HttpRequest request, int checks)
    {
        var limit = Math.Max(1, _options.Value.ClientChecksPerMinute);
        using var lease = _limiter.AttemptAcquire(ClientIdentity.RateLimitKey(request, _options.Value.AppServiceAuthentication), Math.Clamp(checks, 1, limit));
        if (lease.IsAcquired) return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        return new ApiProblem(429, Code, "Trop de demandes",
            $"Ce client a dépassé {limit} vérifications par minute (une actualisation forcée « refresh=true » en compte " +
            $"{_options.Value.RefreshCost}, un lot {_options.Value.BatchCost}) : réessayez dans quelques secondes. La limite protège le " +
            "quota des registres publics, partagé par tous les acheteurs.", wait);
    }

    public void Dispose() => _limiter.Dispose();
}
