using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.Mapping;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>The default identity source: identity, states, legal form, <c>est_ess</c> and <c>type_siae</c>.</summary>
public sealed class RechercheEntreprisesSource(
    IRechercheEntreprisesApi api, TimeProvider clock, ILogger<RechercheEntreprisesSource> logger) : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.RechercheEntreprises, clock, logger);

    public string Name => SourceNames.RechercheEntreprises;
    public SourceRole Role => SourceRole.Identity;

    public Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken) =>
        _call.FetchAsync(siret, ct => api.SearchAsync(siret.Value, ct), (response, at) => Map(response, siret, at), cancellationToken);

    private SourceFacts Map(RechercheSearchResponse response, Siret siret, DateTimeOffset at)
    {
        if (RechercheEntreprisesMapping.Find(response, siret) is not var (result, establishment))
            return SourceFacts.NotFound(Name, at, "Aucun établissement ne porte ce SIRET dans l'API Recherche d'entreprises.");

        var identity = RechercheEntreprisesMapping.Identity(result, establishment, siret.Value);
        // type_siae is the Marché de l'inclusion's kinds joined by SIREN: legal-unit level. est_siae is true for
        // every kind (EA and ESAT included), so it is never read alone.
        var (kinds, unknown) = RegistryValues.Kinds(result.Complements?.TypeSiae);
        if (unknown.Count > 0)
            logger.LogWarning("Recherche d'entreprises type_siae has unknown kinds {Kinds}", string.Join(", ", unknown));

        return new SourceFacts
        {
            Evidence = new(Name, SourceOutcome.Found, at, Detail: FoundDetail.For(identity)),
            Identity = identity,
            EssFlag = result.Complements?.EstEss,
            InclusionKinds = kinds.Select(k => new InclusionKindFact(k, FactLevel.LegalUnit, Name)).ToList(),
        };
    }
}
