using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Cache;

/// <summary>What each registry said, per source and SIRET, in Table Storage (facts, never verdicts, so a corrected rule
/// applies at once). Fresh answers are served without asking the registry; an unavailable registry is covered by the
/// last known facts, marked stale; concurrent checks of one source and SIRET share one upstream call. The cache is an
/// optimisation: when storage fails, the check asks the registry and the failure is logged.</summary>
public sealed class TableFactsCache : IFactsCache
{
    private readonly CreatedOnFirstUse<TableClient> _table;
    private readonly FactsCacheOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TableFactsCache> _logger;
    private readonly EsusCheckMetrics _metrics;
    private readonly SingleFlight<(string Source, string Siret, bool Refresh), SourceFacts> _inFlight = new();

    public TableFactsCache(
        TableServiceClient service, IOptions<StorageOptions> storage, IOptions<FactsCacheOptions> options,
        TimeProvider clock, ILogger<TableFactsCache> logger, EsusCheckMetrics metrics)
    {
        _table = CreatedOnFirstUse.Table(service, storage.Value.Tables.FactsCache, storage.Value.CreateTables);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
    }

    public Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken) =>
        _inFlight.RunAsync((source.Name, siret.Value, refresh), () => ReadOrFetchAsync(source, siret, refresh), cancellationToken);

    public async Task<SourceFacts?> GetFreshAsync(string source, Siret siret, CancellationToken cancellationToken)
    {
        var cached = await ReadAsync(source, siret);
        if (cached is null || !IsFresh(cached)) return null;
        _metrics.CacheHit(source);
        return cached with { Evidence = cached.Evidence with { FromCache = true } };
    }

    public Task StoreAsync(SourceFacts facts, Siret siret, CancellationToken cancellationToken) =>
        facts.Outcome is SourceOutcome.Found or SourceOutcome.NotFound ? WriteAsync(facts, siret) : Task.CompletedTask;

    // Shared by every caller waiting on this key, so no single caller's token may cancel it.
    private async Task<SourceFacts> ReadOrFetchAsync(IRegistrySource source, Siret siret, bool refresh)
    {
        var cached = refresh ? null : await ReadAsync(source.Name, siret);
        if (cached is not null && IsFresh(cached))
        {
            _metrics.CacheHit(source.Name);
            return cached with { Evidence = cached.Evidence with { FromCache = true } };
        }

        _metrics.CacheMiss(source.Name);
        var answer = await FetchAsync(source, siret);
        switch (answer.Outcome)
        {
            case SourceOutcome.Found or SourceOutcome.NotFound:
                await WriteAsync(answer, siret);
                return answer;
            case SourceOutcome.Unavailable:
                if (refresh) cached = await ReadAsync(source.Name, siret);
                return ServeStale(cached, answer, siret) ?? answer;
            default:
                return answer;
        }
    }

    /// <summary>Sources should not throw; one that does is treated as unavailable, so the last known facts still apply.</summary>
    private async Task<SourceFacts> FetchAsync(IRegistrySource source, Siret siret)
    {
        try
        {
            return await source.FetchAsync(siret, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Source {Source} threw for SIRET {SiretHash}", source.Name, LogPrivacy.Hash(siret.Value));
            return SourceFacts.Unavailable(source.Name, _clock.GetUtcNow(), "Erreur inattendue lors de la consultation de ce registre.");
        }
    }

    private bool IsFresh(SourceFacts facts)
    {
        var age = _clock.GetUtcNow() - facts.Evidence.RetrievedAt;
        return facts.Outcome switch
        {
            SourceOutcome.Found => age < _options.FreshnessFor(facts.Source),
            SourceOutcome.NotFound => age < _options.NotFoundFreshness,
            _ => false,
        };
    }

    /// <summary>Only facts the source once confirmed are served stale: an old « unknown » during an outage would tell
    /// the buyer a company does not exist when the registry simply did not answer.</summary>
    private SourceFacts? ServeStale(SourceFacts? cached, SourceFacts unavailable, Siret siret)
    {
        if (cached is not { Outcome: SourceOutcome.Found }) return null;
        if (_clock.GetUtcNow() - cached.Evidence.RetrievedAt > _options.MaxStaleAge) return null;

        _logger.LogWarning("Source {Source} unavailable for SIRET {SiretHash}: serving facts retrieved at {RetrievedAt:O} as stale",
            cached.Source, LogPrivacy.Hash(siret.Value), cached.Evidence.RetrievedAt);
        return cached with
        {
            Evidence = cached.Evidence with { FromCache = true, Stale = true, Detail = unavailable.Evidence.Detail ?? cached.Evidence.Detail },
            RetryAfter = null,
        };
    }

    private async Task<SourceFacts?> ReadAsync(string source, Siret siret)
    {
        try
        {
            var table = await _table.GetAsync(CancellationToken.None);
            var row = await table.GetEntityIfExistsAsync<TableEntity>(FactsEntity.PartitionKey(siret), FactsEntity.RowKey(source, siret));
            if (!row.HasValue || row.Value is null) return null;
            var facts = FactsEntity.FromEntity(row.Value);
            if (facts is null)
                _logger.LogInformation("Cached facts of {Source} for SIRET {SiretHash} are of another schema or unreadable: re-fetching",
                    source, LogPrivacy.Hash(siret.Value));
            return facts;
        }
        // No caller token reaches storage here: every exception, timeouts included, is a storage failure.
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Facts cache unreadable (table {Table}); asking {Source} directly", _table.Client.Name, source);
            return null;
        }
    }

    private async Task WriteAsync(SourceFacts facts, Siret siret)
    {
        var entity = FactsEntity.ToEntity(facts, siret);
        if (entity is null)
        {
            _logger.LogWarning("Answer of {Source} for SIRET {SiretHash} exceeds the Table Storage entity limit even compressed: not cached",
                facts.Source, LogPrivacy.Hash(siret.Value));
            return;
        }
        try
        {
            var table = await _table.GetAsync(CancellationToken.None);
            // Replace, not merge: a smaller answer must not leave chunks of a larger one behind.
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Facts cache unwritable (table {Table}); the answer of {Source} is used uncached", _table.Client.Name, facts.Source);
        }
    }
}
