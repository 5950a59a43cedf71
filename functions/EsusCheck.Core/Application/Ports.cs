using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>What role a registry plays in gathering facts.</summary>
public enum SourceRole
{
    /// <summary>Establishes identity (Recherche d'entreprises). Asked first.</summary>
    Identity,
    /// <summary>Establishes identity only when the identity source is unavailable (INSEE Sirene).</summary>
    IdentityFallback,
    /// <summary>Adds facts (Le Marché de l'inclusion, FINESS), asked concurrently with identity.</summary>
    Complement,
}

/// <summary>One public registry, adapted to facts. Implementations never throw for an upstream failure: they return
/// <see cref="SourceFacts"/> with <see cref="SourceOutcome.Unavailable"/> and a detail free of secrets.</summary>
public interface IRegistrySource
{
    string Name { get; }
    SourceRole Role { get; }
    Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken);
}

/// <summary>Resolves a SIREN to its head-office SIRET (a SIREN typed by a person means its head office).</summary>
public interface IHeadOfficeResolver
{
    /// <returns>The head office SIRET, null when the registry does not know the SIREN; throws
    /// <see cref="RegistryUnavailableException"/> when no registry answered.</returns>
    Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken);
}

public sealed class RegistryUnavailableException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

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

/// <summary>A registry that answers for many SIRETs in one call (INSEE <c>POST /siret</c>), through the same mapping
/// as its single lookups, so a batched answer is the very <see cref="SourceFacts"/> a single lookup would give.</summary>
public interface IBatchRegistrySource
{
    /// <summary>The <see cref="IRegistrySource.Name"/> of the single-lookup source whose cache entries it fills.</summary>
    string Name { get; }

    /// <summary>False without credentials: the bulk pipeline then runs per SIRET, as without batching.</summary>
    bool IsConfigured { get; }

    /// <summary>SIRETs per call.</summary>
    int BatchSize { get; }

    /// <summary>One or more calls (a batch the registry refuses as too long is split). SIRETs absent from
    /// <see cref="BatchAnswer.Found"/> were not in the answer: they take the per-SIRET path.</summary>
    Task<BatchAnswer> FetchManyAsync(IReadOnlyList<Siret> sirets, CancellationToken cancellationToken);
}

/// <summary>The establishments a batch call returned, and, when a call failed, why (the SIRETs it carried are then
/// simply absent from <see cref="Found"/>).</summary>
public sealed record BatchAnswer(IReadOnlyDictionary<Siret, SourceFacts> Found, int Calls, SourceFacts? Failure = null);

/// <summary>The loaded ESUS list. A lookup reads one consistent version, even while an import swaps it.</summary>
public interface IEsusListStore
{
    Task<EsusLookup> LookupAsync(Siren siren, CancellationToken cancellationToken);
    Task<EsusListInfo?> GetInfoAsync(CancellationToken cancellationToken);
    Task ReplaceAsync(EsusListInfo info, IReadOnlyCollection<EsusListEntry> entries, CancellationToken cancellationToken);
}

/// <summary>Appends one row per check so that a buyer can show later what the tool said on a given day.</summary>
public interface ICheckAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
    Task<IReadOnlyList<AuditEntry>> ListAsync(Siret siret, int max, CancellationToken cancellationToken);
}

/// <summary>Where the requests sent to a rate-limited registry are counted: in memory for one process, or in shared
/// storage when the limit belongs to a key that every instance spends (INSEE's 30 requests a minute).</summary>
public interface IRequestLog
{
    /// <summary>Counts one request to <paramref name="registry"/> now when fewer than <paramref name="permits"/> were
    /// counted over the last <paramref name="window"/>, and returns zero; otherwise counts nothing and returns how long
    /// until one may be.</summary>
    Task<TimeSpan> TryTakeAsync(string registry, int permits, TimeSpan window, CancellationToken cancellationToken);
}
