using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>Asks every registry about one SIRET (complements concurrently with identity; the identity fallback only
/// when the identity source is unavailable) and reads the ESUS list, through the cache.</summary>
public sealed class FactsGatherer(
    IEnumerable<IRegistrySource> sources, IFactsCache cache, IEsusListStore esusList, TimeProvider? clock = null)
{
    private readonly IReadOnlyList<IRegistrySource> _sources = sources.ToList();

    public async Task<CompanyFacts> GatherAsync(Siret siret, bool refresh, CancellationToken cancellationToken)
    {
        var complements = _sources.Where(s => s.Role == SourceRole.Complement)
            .Select(s => FetchAsync(s, siret, refresh, cancellationToken)).ToList();
        var esus = LookupEsusAsync(siret, cancellationToken);

        var asked = new List<SourceFacts>();
        SourceFacts? identity = null;
        foreach (var source in _sources.Where(s => s.Role == SourceRole.Identity)
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
            return SourceFacts.Unavailable(source.Name, (clock ?? TimeProvider.System).GetUtcNow(),
                "Erreur inattendue lors de la consultation de ce registre.");
        }
    }
}
