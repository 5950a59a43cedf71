namespace EsusCheck.Core.Reference.Marche;

/// <summary>What the copy reads of the configuration section <c>Registries:MarcheInclusion</c> (the registry client
/// binds the same section): where Le Marché is and the token. The token is a secret: never logged.</summary>
public sealed class MarcheCopyOptions
{
    public const string Section = "Registries:MarcheInclusion";

    public string BaseUrl { get; set; } = "https://lemarche.inclusion.beta.gouv.fr/";

    public string? Token { get; set; }

    /// <summary>Structures per page of <c>/api/siae/</c> (the API serves 100 at most).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A guard against a paging loop: about 11,000 structures are 110 pages.</summary>
    public int MaxPages { get; set; } = 1000;

    public bool HasToken => !string.IsNullOrWhiteSpace(Token);
}
