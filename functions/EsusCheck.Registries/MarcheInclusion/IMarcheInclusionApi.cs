using Refit;

namespace EsusCheck.Registries.MarcheInclusion;

/// <summary>Le Marché de l'inclusion; the Bearer token goes in a default header set from the options.</summary>
public interface IMarcheInclusionApi
{
    /// <summary>A list: several structures may share a SIRET; an unknown SIRET answers 200 [].</summary>
    [Get("/api/siae/siret/{siret}/")]
    Task<IApiResponse<List<MarcheStructure>>> GetBySiretAsync(string siret, CancellationToken cancellationToken);
}
