namespace EsusCheck.Registries.Sirene;

/// <summary>Configuration section <c>Registries:Sirene</c>. Used only with a key; published limit on the free plan: 30
/// requests per minute, so one attempt every 2.1 s.</summary>
public sealed class SireneOptions : RegistrySourceOptions
{
    public const string Section = "Registries:Sirene";
    public const string DefaultBaseUrl = "https://api.insee.fr/api-sirene/3.11/";
    public const string ApiKeyKey = Section + ":ApiKey";

    /// <summary>The INSEE API key (header <c>X-INSEE-Api-Key-Integration</c>). A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    public SireneOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(2100);
        MaxRetries = 1;
        TotalTimeout = TimeSpan.FromSeconds(20);
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
