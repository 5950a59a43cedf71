namespace EsusCheck.Registries.Http;

/// <summary>What an attempt to a registry waits for before it goes out: the registry's rate limit, however it is kept
/// (spacing in this process, a sliding window in this process or shared by every instance). The attempt timeout
/// starts once the limiter lets it go.</summary>
public interface IRequestLimiter
{
    /// <summary>Waits for the turn of one attempt; dispose the lease once its answer is read.</summary>
    ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>The lease of limiters that need not know when an attempt ends.</summary>
internal sealed class NoLease : IDisposable
{
    public static readonly NoLease Instance = new();

    public void Dispose()
    {
    }
}

/// <summary>At most <c>permits</c> requests in any sliding <c>window</c>, counted in an <see cref="Core.Application.IRequestLog"/>
/// (this process's, or one every instance shares). Unlike a fixed spacing it lets a burst go up to the limit, so a
/// registry's published rate is reached; the window carries a small margin over the published one so that network
/// jitter cannot make the registry see one request too many.</summary>
public sealed class SlidingWindowLimiter(
    string registry, int permits, TimeSpan window, Core.Application.IRequestLog log, TimeProvider clock) : IRequestLimiter
{
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (await log.TryTakeAsync(registry, permits, window, cancellationToken) is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait + TimeSpan.FromMilliseconds(1), clock, cancellationToken);
        return NoLease.Instance;
    }
}

/// <summary>Each limiter in turn (a process's spacing, then the shared window).</summary>
public sealed class CombinedLimiter(IReadOnlyList<IRequestLimiter> limiters) : IRequestLimiter
{
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var leases = new List<IDisposable>(limiters.Count);
        try
        {
            foreach (var limiter in limiters) leases.Add(await limiter.AcquireAsync(cancellationToken));
        }
        catch
        {
            foreach (var lease in leases) lease.Dispose();
            throw;
        }
        return new Leases(leases);
    }

    private sealed class Leases(List<IDisposable> leases) : IDisposable
    {
        public void Dispose()
        {
            foreach (var lease in leases) lease.Dispose();
        }
    }
}
