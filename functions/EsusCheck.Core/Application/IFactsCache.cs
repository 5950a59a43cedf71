using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>Caches what a source said, per source and SIRET. The default does nothing; the Table Storage cache adds
/// freshness, stale-if-error, negative caching and coalescing.</summary>
public interface IFactsCache
{
    Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken);

    /// <summary>What <paramref name="source"/> said about <paramref name="siret"/>, when the cache holds it fresh;
    /// null otherwise (never asks the registry).</summary>
    Task<SourceFacts?> GetFreshAsync(string source, Siret siret, CancellationToken cancellationToken) =>
        Task.FromResult<SourceFacts?>(null);

    /// <summary>Stores an answer obtained outside <see cref="GetOrFetchAsync"/> (a batched lookup), in the entry a
    /// single lookup of that source would have written.</summary>
    Task StoreAsync(SourceFacts facts, Siret siret, CancellationToken cancellationToken) => Task.CompletedTask;
}
