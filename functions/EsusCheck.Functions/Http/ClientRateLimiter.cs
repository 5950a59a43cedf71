using System.Threading.RateLimiting;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>Per-client limits at the HTTP edge, so that one key holder cannot spend everyone's registry budget
/// (<c>refresh=true</c> loops, large batches): a token bucket per client, refilled every minute; a request that finds
/// the bucket empty is answered 429 with <c>Retry-After</c>, before anything is checked. The Teams webhook takes from
/// the same buckets, per channel, once its signature is verified.</summary>
public sealed class ClientRateLimiter : IClientBudget, IDisposable
{
    public const string Code = "rate_limited";

    private const string HttpChannel = "http";

    private readonly IOptions<HttpApiOptions> _options;
    private readonly PartitionedRateLimiter<(string Channel, string Client)> _limiter;

    public ClientRateLimiter(IOptions<HttpApiOptions> options)
    {
        _options = options;
        _limiter = PartitionedRateLimiter.Create<(string Channel, string Client), (string Channel, string Client)>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = PerMinute,
                TokensPerPeriod = PerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int PerMinute => Math.Max(1, _options.Value.ClientChecksPerMinute);

    /// <summary>Takes <paramref name="checks"/> tokens from the caller's bucket: null when granted, else the 429 problem.</summary>
    public ApiProblem? TryAcquire(HttpRequest request, int checks) =>
        TryTake(HttpChannel, ClientIdentity.RateLimitKey(request, _options.Value.AppServiceAuthentication), checks) is { } wait
            ? new ApiProblem(429, Code, "Trop de demandes",
                $"Ce client a dépassé {PerMinute} vérifications par minute (une actualisation forcée « refresh=true » en compte " +
                $"{_options.Value.RefreshCost}, un lot {_options.Value.BatchCost}) : réessayez dans quelques secondes. La limite protège le " +
                "quota des registres publics, partagé par tous les acheteurs.", wait)
            : null;

    public TimeSpan? TryTake(string channel, string client, int units)
    {
        using var lease = _limiter.AttemptAcquire((channel, client), Math.Clamp(units, 1, PerMinute));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
