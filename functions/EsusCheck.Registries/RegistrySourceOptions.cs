namespace EsusCheck.Registries;

/// <summary>What every registry client is configured with: where it is, how long to wait, how fast to go and how
/// hard to insist. Each source's section (<c>Registries:&lt;Source&gt;</c>) overrides its own defaults.</summary>
public abstract class RegistrySourceOptions
{
    /// <summary>The registry's base address (the real public endpoint by default).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>How long one attempt may take, counted from the moment the pacer lets it go.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long one call may take in all: waiting for the pace, every attempt and every retry delay.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may wait for its turn behind the registry's limiter. Past it (or past what is left of
    /// <see cref="TotalTimeout"/>) the source is busy, not timed out: the check answers <c>registries_busy</c> with a
    /// <c>Retry-After</c>, and neither the attempt timeout nor the circuit breaker sees it.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest registry answer read, in bytes; a larger one makes the source unavailable for that call.</summary>
    public long MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The least time between two attempts to this registry from this process (retries included). Keep it
    /// above the published window divided by the published limit.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>At most this many attempts in any sliding <see cref="Window"/> (0: no window, only the spacing).</summary>
    public int RequestsPerWindow { get; set; }

    /// <summary>The sliding window of <see cref="RequestsPerWindow"/>: the registry's published window plus a margin
    /// for network jitter.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The window is counted in the shared request log (Table Storage when configured), so every instance and
    /// process spends one budget: for limits that belong to a key, not to an address.</summary>
    public bool SharedQuota { get; set; }

    /// <summary>Retries after a transient failure (timeout, network error, 408, 429, 5xx). 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A 429/503 whose <c>Retry-After</c> asks to wait longer than this is not retried: the source is
    /// reported unavailable with that delay, rather than holding the buyer.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of failed calls, over <see cref="BreakerSamplingDuration"/>, that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls the breaker must see in its sampling window before it may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (no call reaches the registry) before one trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
