namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>Configuration section <c>Registries:RechercheEntreprises</c>. Published limit: 7 requests per second per
/// IP. At most 7 attempts in any sliding second as the registry sees them (<see cref="Http.ResponseWindowLimiter"/>:
/// each attempt counts from its answer), 10 ms of margin for the timer: 7 per (1.01 s + round trip). Counted per
/// process: the limit is per address, so each instance has its own.</summary>
public sealed class RechercheEntreprisesOptions : RegistrySourceOptions
{
    public const string Section = "Registries:RechercheEntreprises";
    public const string DefaultBaseUrl = "https://recherche-entreprises.api.gouv.fr/";

    public RechercheEntreprisesOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.Zero;
        RequestsPerWindow = 7;
        Window = TimeSpan.FromMilliseconds(1010);
        MaxRetries = 3;
    }
}
