using System.Collections.Concurrent;

namespace EsusCheck.Storage.Cache;

/// <summary>Runs one operation per key at a time: callers asking for a key already in flight share its result.</summary>
internal sealed class SingleFlight<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _running = new();

    /// <summary>The operation runs without the caller's token (other callers may be waiting for it); each caller
    /// stops waiting when its own token is cancelled.</summary>
    public Task<TValue> RunAsync(TKey key, Func<Task<TValue>> operation, CancellationToken cancellationToken)
    {
        var mine = new Lazy<Task<TValue>>(async () => await operation(), LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = _running.GetOrAdd(key, mine);
        if (ReferenceEquals(shared, mine))
            _ = mine.Value.ContinueWith(_ => _running.TryRemove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, mine)),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return shared.Value.WaitAsync(cancellationToken);
    }
}
