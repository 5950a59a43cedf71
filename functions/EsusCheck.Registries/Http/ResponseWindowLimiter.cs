namespace EsusCheck.Registries.Http;

/// <summary>At most <c>permits</c> requests in any sliding <c>window</c> as the registry itself sees them, whatever
/// the network and the machine's load do to each request. A request holds its place from the moment it is let go
/// until its answer is read, and then for a whole window from that moment: the registry received it somewhere in
/// between, so the next request let go after that cannot be counted in the same window. The cost is the round trip
/// of each request (7 per 1 s + latency); a window counted from the departures instead would let a delayed request
/// and a prompt one land in the same second, which a loaded machine does (429).</summary>
public sealed class ResponseWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : IRequestLimiter
{
    private readonly List<Slot> _slots = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Slot
    {
        public DateTimeOffset? AnsweredAt;
    }

    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan? wait;
            lock (_slots)
            {
                var now = clock.GetUtcNow();
                _slots.RemoveAll(s => s.AnsweredAt is { } at && now - at >= window);
                if (_slots.Count < permits)
                {
                    var slot = new Slot();
                    _slots.Add(slot);
                    return new Lease(this, slot);
                }
                // Full: the next place frees when the oldest answered request leaves the window, or when a request in
                // flight is answered (its window then starts).
                wait = _slots.Where(s => s.AnsweredAt is not null).Select(s => s.AnsweredAt!.Value + window - now).DefaultIfEmpty().Min();
                if (wait <= TimeSpan.Zero) wait = null;
                changed = _changed.Task;
            }
            if (wait is { } delay)
                await Task.WhenAny(changed, Task.Delay(delay + TimeSpan.FromMilliseconds(1), clock, cancellationToken));
            else
                await changed.WaitAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Answered(Slot slot)
    {
        TaskCompletionSource changed;
        lock (_slots)
        {
            slot.AnsweredAt ??= clock.GetUtcNow();
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    private sealed class Lease(ResponseWindowLimiter limiter, Slot slot) : IDisposable
    {
        public void Dispose() => limiter.Answered(slot);
    }
}
