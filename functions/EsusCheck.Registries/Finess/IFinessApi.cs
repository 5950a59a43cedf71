using Refit;

namespace EsusCheck.Registries.Finess;

/// <summary>The FINESS establishments resource of the data.gouv tabular API, filtered by SIRET.</summary>
public interface IFinessApi
{
    [Get("/api/resources/935e1dc5-afce-4d45-9fda-47b18f7444e6/data/")]
    Task<IApiResponse<FinessPage>> FindBySiretAsync([AliasAs("siret__exact")] string siret, CancellationToken cancellationToken);

    /// <summary>Every establishment of the given categories (<c>categetab__in=246,247</c>), a page at a time.</summary>
    [Get("/api/resources/935e1dc5-afce-4d45-9fda-47b18f7444e6/data/")]
    Task<IApiResponse<FinessPage>> ListByCategoryAsync(
        [AliasAs("categetab__in")] string categories, [AliasAs("page_size")] int pageSize, int page, CancellationToken cancellationToken);
}
