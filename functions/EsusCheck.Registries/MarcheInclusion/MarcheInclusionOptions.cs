namespace EsusCheck.Registries.MarcheInclusion;

/// <summary>Configuration section <c>Registries:MarcheInclusion</c>, bound once for the per-SIRET source and the copy
/// of the whole list. The API has no published rate limit; a modest pace (10 attempts per second) keeps us polite.</summary>
public sealed class MarcheInclusionOptions : RegistrySourceOptions
{
    public const string Section = "Registries:MarcheInclusion";
    public const string DefaultBaseUrl = "https://lemarche.inclusion.beta.gouv.fr/";
    public const string TokenKey = Section + ":Token";

    /// <summary>The Bearer token of the API. A secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Structures per page of <c>/api/siae/</c> when the whole list is copied (the API serves 100 at most).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A guard against a paging loop: about 11,000 structures are 110 pages.</summary>
    public int MaxPages { get; set; } = 1000;

    public MarcheInclusionOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(100);
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}
