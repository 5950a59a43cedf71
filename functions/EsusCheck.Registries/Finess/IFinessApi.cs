using Refit;

namespace EsusCheck.Registries.Finess;

/// <summary>The FINESS establishments resource of the data.gouv tabular API, filtered by SIRET.</summary>
public interface IFinessApi
{
    [Get("/api/resources/935e1dc5-afce-4d45-9fda-47b18f7444e6/data/")]
    Task<IApiResponse<FinessPage>> FindBySiretAsync([AliasAs("siret__exact")] string siret, CancellationToken cancellationToken);
}
