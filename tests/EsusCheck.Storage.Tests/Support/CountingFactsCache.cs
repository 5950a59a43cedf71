using EsusCheck.Core.Identifiers;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>Counts the callers that have handed their request to the real cache (the count rises once the cache has
/// registered the request, so a test knows every caller is waiting on it).</summary>
public sealed class CountingFactsCache(IFactsCache inner) : IFactsCache
{
    private int _entered;

    public int Entered => Volatile.Read(ref _entered);

    public Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken)
    {
        var pending = inner.GetOrFetchAsync(source, siret, refresh, cancellationToken);
        Interlocked.Increment(ref _entered);
        return pending;
    }
}
