namespace EsusCheck.Registries.Sirene;

/// <summary>Configuration section <c>Registries:Sirene</c>. Used only with a key; published limit on the free plan: 30
/// requests per minute per key. Each process spaces its attempts 2.1 s apart, and every instance and process counts
/// them in one shared sliding window of 30 per 61 s (Table Storage when configured), single lookups and batches alike.</summary>
public sealed class SireneOptions : RegistrySourceOptions
{
    public const string Section = "Registries:Sirene";
    public const string DefaultBaseUrl = "https://api.insee.fr/api-sirene/3.11/";
    public const string ApiKeyKey = Section + ":ApiKey";

    /// <summary>The INSEE API key (header <c>X-INSEE-Api-Key-Integration</c>). A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>SIRETs per multi-SIRET call (<c>POST /siret</c>). The Annuaire des Entreprises sends 500 in production;
    /// a 414 answer halves the batch and tries again.</summary>
    public int BatchSize { get; set; } = 500;

    public SireneOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(2100);
        RequestsPerWindow = 30;
        Window = TimeSpan.FromSeconds(61);
        SharedQuota = true;
        MaxRetries = 1;
        TotalTimeout = TimeSpan.FromSeconds(20);
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
