namespace EsusCheck.Functions.Http;

/// <summary>How long the server's cache keeps one source's answer before asking again. A small port so that the HTTP
/// layer can align <c>Cache-Control</c> and describe the policy in <c>/reference</c> without knowing the cache.</summary>
public interface ISourceFreshness
{
    /// <returns>The freshness of the source's cached answers, or null when its answers are not cached.</returns>
    TimeSpan? FreshnessOf(string source);
}

/// <summary>No cache (the core's default): every check asks the sources.</summary>
public sealed class NoSourceFreshness : ISourceFreshness
{
    public TimeSpan? FreshnessOf(string source) => null;
}
