using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>Asks every registry about one SIRET (complements concurrently with identity; the identity fallback only
/// when the identity source is unavailable) and reads the ESUS list, through the cache. With
/// <c>preferStored</c> (bulk files, after their batched prefetch), an identity the cache holds fresh is used as it
/// is, the identity source's first, then the fallback's, before any registry is asked.</summary>
public sealed class FactsGatherer(
    IEnumerable<IRegistrySource> sources, IFactsCache cache, IEsusListStore esusList, TimeProvider clock)
{
    private readonly IReadOnlyList<IRegistrySource> _sources = sources.ToList();

    public async Task<CompanyFacts> GatherAsync(Siret siret, bool refresh, CancellationToken cancellationToken, bool preferStored = false)
    {
        var complements = _sources.Where(s => s.Role == SourceRole.Complement)
            .Select(s => FetchAsync(s, siret, refresh, cancellationToken)).ToList();
        var esus = LookupEsusAsync(siret, cancellationToken);

        var asked = new List<SourceFacts>();
        SourceFacts? identity = preferStored && !refresh ? await StoredIdentityAsync(siret, cancellationToken) : null;
        if (identity is not null) asked.Add(identity);
        foreach (var source in identity is not null ? Enumerable.Empty<IRegistrySource>() : _sources.Where(s => s.Role == SourceRole.Identity)
                     .Concat(_sources.Where(s => s.Role == SourceRole.IdentityFallback)))
        {
            if (identity is not null && source.Role == SourceRole.IdentityFallback && identity.Outcome != SourceOutcome.Unavailable) break;
            var answer = await FetchAsync(source, siret, refresh, cancellationToken);
            asked.Add(answer);
            if (answer.Outcome == SourceOutcome.NotConfigured) continue;
            if (identity is null || identity.Outcome == SourceOutcome.Unavailable) identity = answer;
            if (answer.Outcome is SourceOutcome.Found or SourceOutcome.NotFound) break;
        }

        asked.AddRange(await Task.WhenAll(complements));
        return new CompanyFacts
        {
            Siret = siret,
            IdentitySource = identity,
            Sources = asked,
            Esus = await esus,
        };
    }

    /// <summary>A fresh identity of the identity source (found or not), else a fresh found one of the fallback. A
    /// cache that cannot be read yields nothing: the registries are asked as usual.</summary>
    private async Task<SourceFacts?> StoredIdentityAsync(Siret siret, CancellationToken cancellationToken)
    {
        foreach (var source in _sources.Where(s => s.Role == SourceRole.Identity).Concat(_sources.Where(s => s.Role == SourceRole.IdentityFallback)))
        {
            SourceFacts? stored;
            try
            {
                stored = await cache.GetFreshAsync(source.Name, siret, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            if (stored is { Outcome: SourceOutcome.Found } || (stored is { Outcome: SourceOutcome.NotFound } && source.Role == SourceRole.Identity))
                return stored;
        }
        return null;
    }

    private async Task<EsusLookup> LookupEsusAsync(Siret siret, CancellationToken cancellationToken)
    {
        try
        {
            return await esusList.LookupAsync(siret.Siren, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return EsusLookup.Unreadable;
        }
    }

    /// <summary>Sources should not throw for upstream failures; if one does anyway, the check still gets its report
    /// with that source marked unavailable.</summary>
    private async Task<SourceFacts> FetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrFetchAsync(source, siret, refresh, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return SourceFacts.Unavailable(source.Name, clock.GetUtcNow(),
                "Erreur inattendue lors de la consultation de ce registre.");
        }
    }
}
