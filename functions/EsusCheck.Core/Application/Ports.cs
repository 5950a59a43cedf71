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
}

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
