using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EsusCheck.Registries.Http;

/// <summary>The retry and circuit-breaker settings of a registry client, from its options.</summary>
internal static class RegistryResilience
{
    public static HttpRetryStrategyOptions Retry(RegistrySourceOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        // Wait as the registry asks on 429/503 — unless it asks for longer than we are willing to hold the buyer.
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) && !AsksToWaitTooLong(args.Outcome.Result, options.MaxRetryAfter)),
    };

    public static HttpCircuitBreakerStrategyOptions CircuitBreaker(RegistrySourceOptions options) => new()
    {
        FailureRatio = options.BreakerFailureRatio,
        MinimumThroughput = options.BreakerMinimumThroughput,
        SamplingDuration = options.BreakerSamplingDuration,
        BreakDuration = options.BreakDuration,
    };

    private static bool AsksToWaitTooLong(HttpResponseMessage? response, TimeSpan max) =>
        RetryAfter.Of(response) is { } wait && wait > max;
}
