using System.Collections.Concurrent;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>No cache, like the core's default, except that when armed it plays a function timeout: at the first new
/// SIRET past <see cref="SiretsBeforeCrash"/>, it cancels the invocation's token as the host does, and the check
/// stops there.</summary>
internal sealed class CrashingFactsCache : IFactsCache
{
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    public int SiretsBeforeCrash { get; set; } = int.MaxValue;

    public CancellationTokenSource Invocation { get; set; } = new();

    public Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken)
    {
        _seen.TryAdd(siret.Value, true);
        if (_seen.Count > SiretsBeforeCrash)
        {
            Invocation.Cancel();
            throw new OperationCanceledException(Invocation.Token);
        }
        return source.FetchAsync(siret, cancellationToken);
    }
}
