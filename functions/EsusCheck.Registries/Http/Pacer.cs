namespace EsusCheck.Registries.Http;

/// <summary>Spaces the attempts sent to one registry at least <see cref="MinInterval"/> apart, across every caller
/// of the process. Unlike a token bucket, it never lets two attempts go back to back after an idle spell, so no
/// sliding window ever holds more than <c>window / MinInterval + 1</c> attempts.</summary>
public sealed class Pacer(TimeSpan minInterval, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly long _intervalTicks = (long)Math.Ceiling(Math.Max(0, minInterval.TotalSeconds) * clock.TimestampFrequency);
    private long _nextSlot = long.MinValue;

    public TimeSpan MinInterval => minInterval;

    /// <summary>Waits for this caller's turn. A caller cancelled while waiting gives its turn up unused (the pace
    /// only gets slower, never faster).</summary>
    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_intervalTicks == 0) return;
        long slot;
        lock (_gate)
        {
            slot = Math.Max(clock.GetTimestamp(), _nextSlot);
            _nextSlot = slot + _intervalTicks;
        }
        // A timer may wake a little early: wait again until the slot has really come.
        while (clock.GetElapsedTime(clock.GetTimestamp(), slot) is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait + TimeSpan.FromMilliseconds(1), clock, cancellationToken);
    }
}
