using Microsoft.Extensions.Logging;

namespace EsusCheck.Registries.Reference;

/// <summary>How a registry source reads its local copy before calling the API: the copy answers only while it is
/// younger than its maximum age; a copy that cannot be read is logged and the API is asked instead.</summary>
internal static class FreshCopy
{
    /// <returns>The lookup and when its copy was made; null when there is no copy, it is too old, or it could not be read.</returns>
    public static async Task<(TLookup Lookup, DateTimeOffset CopiedAt)?> FindAsync<TLookup>(
        Func<Task<TLookup>> find, Func<TLookup, DateTimeOffset?> copiedAt, TimeSpan maxAge, TimeProvider clock, ILogger logger, string copy)
    {
        TLookup lookup;
        try
        {
            lookup = await find();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The local {Copy} copy could not be read; asking the API", copy);
            return null;
        }
        return copiedAt(lookup) is { } at && clock.GetUtcNow() - at <= maxAge ? (lookup, at) : null;
    }
}
