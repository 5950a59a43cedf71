using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Core.Application;

/// <summary>What one prefetch batch did: SIRETs asked, found and written to the cache, left to the per-SIRET path,
/// and registry calls made.</summary>
public sealed record PrefetchResult(int Asked, int AlreadyFresh, int Stored, int Missing, int Calls, string? FailureDetail = null)
{
    public static readonly PrefetchResult Nothing = new(0, 0, 0, 0, 0);
}

/// <summary>Fetches, in batches, the facts of SIRETs the cache does not hold fresh, and writes them to the cache in the
/// entries single lookups use, so that the checks that follow are cache hits (bulk files). SIRETs a batch answer
/// lacks are left alone: their check takes the per-SIRET path.</summary>
public sealed class FactsPrefetcher(IEnumerable<IBatchRegistrySource> sources, IFactsCache cache, ILogger<FactsPrefetcher> logger)
{
    private readonly IBatchRegistrySource? _source = sources.FirstOrDefault(s => s.IsConfigured);

    /// <summary>False without a configured batch registry (no INSEE key): bulk files then run per SIRET.</summary>
    public bool IsAvailable => _source is not null;

    /// <summary>SIRETs one batch (one unit of prefetch work) holds.</summary>
    public int BatchSize => Math.Max(1, _source?.BatchSize ?? 1);

    /// <summary>Prefetches one batch. Safe to repeat: SIRETs already fresh are not asked again.</summary>
    public async Task<PrefetchResult> PrefetchAsync(IReadOnlyList<Siret> sirets, CancellationToken cancellationToken)
    {
        if (_source is not { } source || sirets.Count == 0) return PrefetchResult.Nothing;

        var distinct = sirets.Distinct().ToList();
        var fresh = new bool[distinct.Count];
        await Parallel.ForAsync(0, distinct.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => fresh[i] = await IsFreshAsync(source.Name, distinct[i], token));
        var todo = distinct.Where((_, i) => !fresh[i]).ToList();
        if (todo.Count == 0) return new(distinct.Count, distinct.Count, 0, 0, 0);

        var answer = await source.FetchManyAsync(todo, cancellationToken);
        await Parallel.ForEachAsync(answer.Found, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (found, token) => await cache.StoreAsync(found.Value, found.Key, token));

        var missing = todo.Count(s => !answer.Found.ContainsKey(s));
        if (answer.Failure is { } failure)
            logger.LogWarning("Batched {Source} lookup failed for part of {Count} SIRETs ({Missing} left to single lookups): {Detail}",
                source.Name, todo.Count, missing, failure.Evidence.Detail);
        logger.LogInformation("Prefetched {Stored} of {Asked} SIRETs from {Source} in {Calls} calls ({Fresh} already fresh, {Missing} left to single lookups)",
            answer.Found.Count, distinct.Count, source.Name, answer.Calls, distinct.Count - todo.Count, missing);
        return new(distinct.Count, distinct.Count - todo.Count, answer.Found.Count, missing, answer.Calls, answer.Failure?.Evidence.Detail);
    }

    private async Task<bool> IsFreshAsync(string source, Siret siret, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetFreshAsync(source, siret, cancellationToken) is { Outcome: SourceOutcome.Found };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
