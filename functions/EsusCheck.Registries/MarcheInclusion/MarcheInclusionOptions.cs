namespace EsusCheck.Registries.MarcheInclusion;

/// <summary>Configuration section <c>Registries:MarcheInclusion</c>. The API has no published rate limit; a modest
/// pace (10 attempts per second) keeps us polite.</summary>
public sealed class MarcheInclusionOptions : RegistrySourceOptions
{
    public const string Section = "Registries:MarcheInclusion";
    public const string DefaultBaseUrl = "https://lemarche.inclusion.beta.gouv.fr/";
    public const string TokenKey = Section + ":Token";

    /// <summary>The Bearer token of the API. A secret: never logged.</summary>
    public string? Token { get; set; }

    public MarcheInclusionOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(100);
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}
