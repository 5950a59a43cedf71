using Refit;

namespace EsusCheck.Registries.Sirene;

/// <summary>INSEE API Sirene 3.11; the key goes in a default header set from the options.</summary>
public interface ISireneApi
{
    [Get("/siret/{siret}")]
    Task<IApiResponse<SireneSiretResponse>> GetEstablishmentAsync(string siret, CancellationToken cancellationToken);
}
