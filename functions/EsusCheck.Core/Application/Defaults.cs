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

/// <summary>What registries said, kept for the life of the process (the CLI without storage: a bulk file's batched
/// prefetch and its checks share it). Found and not-found answers are kept; failures are asked again.</summary>
public sealed class InMemoryFactsCache : IFactsCache
{
    private readonly ConcurrentDictionary<(string Source, Siret Siret), SourceFacts> _facts = new();

    public async Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _facts.TryGetValue((source.Name, siret), out var cached)) return FromCache(cached);
        var answer = await source.FetchAsync(siret, cancellationToken);
        if (answer.Outcome is SourceOutcome.Found or SourceOutcome.NotFound) _facts[(source.Name, siret)] = answer;
        return answer;
    }

    public Task<SourceFacts?> GetFreshAsync(string source, Siret siret, CancellationToken cancellationToken) =>
        Task.FromResult(_facts.TryGetValue((source, siret), out var cached) ? FromCache(cached) : null);

    public Task StoreAsync(SourceFacts facts, Siret siret, CancellationToken cancellationToken)
    {
        if (facts.Outcome is SourceOutcome.Found or SourceOutcome.NotFound) _facts[(facts.Source, siret)] = facts;
        return Task.CompletedTask;
    }

    private static SourceFacts FromCache(SourceFacts facts) => facts with { Evidence = facts.Evidence with { FromCache = true } };
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

/// <summary>The request log of one process: a sliding log of the last request times per registry.</summary>
public sealed class InMemoryRequestLog(TimeProvider clock) : IRequestLog
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    public Task<TimeSpan> TryTakeAsync(string registry, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        var sent = _sent.GetOrAdd(registry, _ => new Queue<DateTimeOffset>());
        lock (sent)
        {
            var now = clock.GetUtcNow();
            while (sent.Count > 0 && now - sent.Peek() >= window) sent.Dequeue();
            if (sent.Count < permits)
            {
                sent.Enqueue(now);
                return Task.FromResult(TimeSpan.Zero);
            }
            return Task.FromResult(sent.Peek() + window - now);
        }
    }
}
