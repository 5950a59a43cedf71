using Refit;

namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>API Recherche d'entreprises (no key). A 9- or 14-digit <c>q</c> is a direct lookup of a SIREN or SIRET.</summary>
public interface IRechercheEntreprisesApi
{
    [Get("/search")]
    Task<IApiResponse<RechercheSearchResponse>> SearchAsync([AliasAs("q")] string query, CancellationToken cancellationToken);
}
