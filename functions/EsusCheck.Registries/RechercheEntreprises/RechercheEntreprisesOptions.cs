namespace EsusCheck.Registries.RechercheEntreprises;

/// <summary>Configuration section <c>Registries:RechercheEntreprises</c>. Published limit: 7 requests per second per
/// IP; one attempt every 170 ms keeps any sliding second at 6 or fewer.</summary>
public sealed class RechercheEntreprisesOptions : RegistrySourceOptions
{
    public const string Section = "Registries:RechercheEntreprises";
    public const string DefaultBaseUrl = "https://recherche-entreprises.api.gouv.fr/";

    public RechercheEntreprisesOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(170);
        MaxRetries = 3;
    }
}
