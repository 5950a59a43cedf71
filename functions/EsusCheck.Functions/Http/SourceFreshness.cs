namespace EsusCheck.Functions.Http;

/// <summary>How long the server's cache keeps one source's answer before asking again. A small port so that the HTTP
/// layer can align <c>Cache-Control</c> and describe the policy in <c>/reference</c> without knowing the cache.</summary>
public interface ISourceFreshness
{
    /// <param name="found">Whether the answer knew the number: « unknown » answers are usually kept for less time.</param>
    /// <returns>How long such an answer of the source stays fresh in the cache, or null when it is not cached.</returns>
    TimeSpan? FreshnessOf(string source, bool found);
}
