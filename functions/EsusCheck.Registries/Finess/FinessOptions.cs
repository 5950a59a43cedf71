namespace EsusCheck.Registries.Finess;

/// <summary>Configuration section <c>Registries:Finess</c>: FINESS through data.gouv's tabular API (no key, no published
/// limit; a modest pace of 10 attempts per second).</summary>
public sealed class FinessOptions : RegistrySourceOptions
{
    public const string Section = "Registries:Finess";
    public const string DefaultBaseUrl = "https://tabular-api.data.gouv.fr/";

    public FinessOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(100);
    }
}
