namespace EsusCheck.Registries.Finess;

/// <summary>Configuration section <c>Registries:Finess</c>: FINESS through data.gouv's tabular API (no key, no published
/// limit; a modest pace of 10 attempts per second).</summary>
public sealed class FinessOptions : RegistrySourceOptions
{
    public const string Section = "Registries:Finess";
    public const string DefaultBaseUrl = "https://tabular-api.data.gouv.fr/";

    /// <summary>Rows per page when the whole ESAT/EA list is copied (the tabular API refuses large pages with 400).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>A guard against a paging loop: a few thousand ESAT and EA are about a hundred pages.</summary>
    public int MaxPages { get; set; } = 1000;

    public FinessOptions()
    {
        BaseUrl = DefaultBaseUrl;
        MinInterval = TimeSpan.FromMilliseconds(100);
    }
}
