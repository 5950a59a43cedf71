using System.Net;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.Sirene;

/// <summary>The identity fallback, asked only when Recherche d'entreprises is unavailable and a key is configured.
/// It knows identity and the INSEE ESS flag, not the kinds of inclusion structures.</summary>
public sealed class SireneSource(
    ISireneApi api, IOptions<SireneOptions> options, TimeProvider clock, ILogger<SireneSource> logger) : IRegistrySource
{
    private readonly RegistryCall _call = new(SourceNames.Sirene, clock, logger, SireneOptions.ApiKeyKey);

    public string Name => SourceNames.Sirene;
    public SourceRole Role => SourceRole.IdentityFallback;

    public Task<SourceFacts> FetchAsync(Siret siret, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
            return Task.FromResult(SourceFacts.NotConfigured(Name, clock.GetUtcNow(),
                $"Aucune clé d'API INSEE n'est configurée ({SireneOptions.ApiKeyKey}) : l'API Sirene ne peut pas servir de source de secours."));

        return _call.FetchAsync(siret, ct => api.GetEstablishmentAsync(siret.Value, ct), (response, at) => Map(response, siret, at),
            cancellationToken,
            onStatus: (status, at) => status == HttpStatusCode.NotFound
                ? SourceFacts.NotFound(Name, at, "Aucun établissement ne porte ce SIRET au répertoire Sirene.")
                : null);
    }

    private SourceFacts Map(SireneSiretResponse response, Siret siret, DateTimeOffset at)
    {
        if (response.Etablissement is null && response.Etablissements is null)
            return SourceFacts.Unavailable(Name, at, "La réponse du registre est illisible (format inattendu).");
        if (SireneMapping.Find(response, siret.Value) is not { } establishment)
            return SourceFacts.NotFound(Name, at, "Aucun établissement ne porte ce SIRET au répertoire Sirene.");

        return SireneMapping.Facts(establishment, siret, at);
    }
}
