using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Http;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>A SIREN typed by a person means its head office: <c>q=&lt;siren&gt;</c> → <c>siege.siret</c>.</summary>
public sealed class RechercheHeadOfficeResolver(
    IRechercheEntreprisesApi api, TimeProvider clock, ILogger<RechercheHeadOfficeResolver> logger) : IHeadOfficeResolver
{
    private readonly RegistryCall _call = new(SourceNames.RechercheEntreprises, clock, logger);

    public async Task<Siret?> FindHeadOfficeAsync(Siren siren, CancellationToken cancellationToken)
    {
        var answer = await _call.SendAsync(siren.Value, ct => api.SearchAsync(siren.Value, ct), cancellationToken);
        if (answer.Content is not { } response)
            throw new RegistryUnavailableException(
                "L'API Recherche d'entreprises n'a pas permis de trouver le siège de cette entreprise. " + answer.Failure!.Detail,
                answer.Failure.RetryAfter);

        var result = response.Results?.FirstOrDefault(r => r.Siren == siren.Value);
        return IdentifierParser.FromRegistry(result?.Siege?.Siret);
    }
}
