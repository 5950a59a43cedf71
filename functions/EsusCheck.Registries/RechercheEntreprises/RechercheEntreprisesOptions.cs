namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>Configuration section <c>Registries:RechercheEntreprises</c>. Published limit: 7 requests per second per
/// IP. At most 7 attempts in any sliding 1.03 s (30 ms of margin for network jitter): up to 6.8 requests/s, 97 % of
/// the limit. Counted per process: the limit is per address, so each instance has its own.</summary>
public sealed class RechercheEntreprisesOptions : RegistrySourceOptions
{
    public const string Section = "Registries:RechercheEntreprises";
    public const string DefaultBaseUrl = "https://recherche-entreprises.api.gouv.fr/";

    public RechercheEntreprisesOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.Zero;
        RequestsPerWindow = 7;
        Window = TimeSpan.FromMilliseconds(1030);
        MaxRetries = 3;
    }
}
