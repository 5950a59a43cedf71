using System.Collections.Concurrent;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>No cache: every check asks the source.</summary>
public sealed class NoFactsCache : IFactsCache
{
    public Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken) =>
        source.FetchAsync(siret, cancellationToken);
}

/// <summary>An ESUS list held in memory; replaced as a whole, so a reader sees one version.</summary>
public sealed class InMemoryEsusListStore : IEsusListStore
{
    private volatile Snapshot? _current;

    private sealed record Snapshot(EsusListInfo Info, IReadOnlyDictionary<Siren, EsusListEntry> Entries);

    public Task<EsusLookup> LookupAsync(Siren siren, CancellationToken cancellationToken)
    {
        var current = _current;
        return Task.FromResult(current is null
            ? EsusLookup.NoList
            : new EsusLookup(current.Info, current.Entries.GetValueOrDefault(siren)));
    }

    public Task<EsusListInfo?> GetInfoAsync(CancellationToken cancellationToken) => Task.FromResult(_current?.Info);

    public Task ReplaceAsync(EsusListInfo info, IReadOnlyCollection<EsusListEntry> entries, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<Siren, EsusListEntry>();
        foreach (var entry in entries) byId[entry.Siren] = entry;
        _current = new Snapshot(info, byId);
        return Task.CompletedTask;
    }
}

/// <summary>Keeps the audit history in memory (CLI, tests); the Table Storage log is the durable one.</summary>
public sealed class InMemoryCheckAuditLog : ICheckAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(Siret siret, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(_entries.Where(e => e.Siret == siret.Value)
            .OrderByDescending(e => e.CheckedAt).Take(max).ToList());
}

/// <summary>Used when no registry can resolve a SIREN: the person must give the SIRET.</summary>
public sealed class NoHeadOfficeResolver : IHeadOfficeResolver
{
    public Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken) =>
        throw new RegistryUnavailableException("Aucun registre ne permet de trouver le siège à partir du SIREN.");
}
