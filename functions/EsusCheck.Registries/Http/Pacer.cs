namespace EsusCheck.Registries.Http;

/// <summary>Spaces the attempts sent to one registry at least <see cref="MinInterval"/> apart, across every caller
/// of the process. Unlike a token bucket, it never lets two attempts go back to back after an idle spell, so no
/// sliding window of length W ever holds more than <c>W / MinInterval + 1</c> attempts.</summary>
/// <remarks>Callers leave one at a time, and the spacing is measured from the moment the previous caller really left
/// (not from a slot booked in advance): when the thread pool is busy and timer continuations run late, they run late
/// one after the other instead of bunching together.</remarks>
public sealed class Pacer(TimeSpan minInterval, TimeProvider clock) : IRequestLimiter
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long? _lastDeparture;

    public TimeSpan MinInterval => minInterval;

    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await WaitTurnAsync(cancellationToken);
        return NoLease.Instance;
    }

    /// <summary>Waits for this caller's turn (first come, first served).</summary>
    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (minInterval <= TimeSpan.Zero) return;
        await _turn.WaitAsync(cancellationToken);
        try
        {
            // A timer may wake a little early: wait again until the interval has really passed.
            while (_lastDeparture is { } last && minInterval - clock.GetElapsedTime(last) is var wait && wait > TimeSpan.Zero)
                await Task.Delay(wait + TimeSpan.FromMilliseconds(1), clock, cancellationToken);
            _lastDeparture = clock.GetTimestamp();
        }
        finally
        {
            _turn.Release();
        }
    }
}
