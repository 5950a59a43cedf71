namespace EsusCheck.Registries;

/// <summary>Configuration section <c>Registries</c>: what every registry client shares.</summary>
public sealed class RegistriesOptions
{
    public const string Section = "Registries";

    /// <summary>Sent with every request, as Recherche d'entreprises asks (« un User-Agent explicite et descriptif »).</summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    public const string DefaultUserAgent =
        "EsusCheck/1.0 (verification ESS, ESUS et marches reserves pour acheteurs publics)";
}
