using EsusCheck.Core.Facts;

namespace EsusCheck.Storage.Cache;

/// <summary>Configuration section <c>Cache</c>: how long what a registry said stays fresh.</summary>
public sealed class FactsCacheOptions
{
    public const string Section = "Cache";

    /// <summary>Freshness per source name (<c>Cache:Freshness:recherche-entreprises</c> = <c>1.00:00:00</c>). Dashes and
    /// underscores in the key are ignored, so <c>Cache__Freshness__rechercheentreprises</c> works as an app setting.</summary>
    public Dictionary<string, TimeSpan> Freshness { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Freshness of a source not named in <see cref="Freshness"/> nor in the defaults.</summary>
    public TimeSpan DefaultFreshness { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long « this source does not know the number » is trusted (negative cache).</summary>
    public TimeSpan NotFoundFreshness { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The oldest facts served, marked stale, when the source is unavailable (stale-if-error).</summary>
    public TimeSpan MaxStaleAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Identity changes rarely and is re-read daily; FINESS is published monthly.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> DefaultFreshnessBySource = new Dictionary<string, TimeSpan>
    {
        [SourceNames.RechercheEntreprises] = TimeSpan.FromDays(1),
        [SourceNames.Sirene] = TimeSpan.FromDays(1),
        [SourceNames.MarcheInclusion] = TimeSpan.FromDays(1),
        [SourceNames.Finess] = TimeSpan.FromDays(7),
    };

    /// <summary>How long a Found answer of this source stays fresh: configuration, then the defaults above.</summary>
    public TimeSpan FreshnessFor(string source)
    {
        var key = Normalise(source);
        foreach (var (name, freshness) in Freshness)
            if (Normalise(name) == key) return freshness;
        foreach (var (name, freshness) in DefaultFreshnessBySource)
            if (Normalise(name) == key) return freshness;
        return DefaultFreshness;
    }

    private static string Normalise(string name) =>
        new(name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
