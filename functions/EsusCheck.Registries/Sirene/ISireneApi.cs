using Refit;

namespace EsusCheck.Registries.Sirene;

/// <summary>INSEE API Sirene 3.11; the key goes in a default header set from the options.</summary>
public interface ISireneApi
{
    [Get("/siret/{siret}")]
    Task<IApiResponse<SireneSiretResponse>> GetEstablishmentAsync(string siret, CancellationToken cancellationToken);

    /// <summary>Multi-SIRET search (registries.md §3): form-encoded <c>q=siret:(A OR B …)</c>, <c>nombre</c>,
    /// <c>champs</c>. Answers <c>etablissements[]</c>, the SIRETs not found simply absent; none found → 404.</summary>
    [Post("/siret")]
    Task<IApiResponse<SireneSiretResponse>> SearchEstablishmentsAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
