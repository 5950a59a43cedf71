using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Storage.Cache;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>The freshness policy of the registry cache in use: the Table Storage cache's (<c>Cache</c> section) when
/// one is registered, none with the core's <see cref="NoFactsCache"/>. The ESUS list is not a cached registry answer.</summary>
public sealed class CacheFreshness(IFactsCache cache, IOptions<FactsCacheOptions> options) : ISourceFreshness
{
    public TimeSpan? FreshnessOf(string source, bool found) =>
        cache is NoFactsCache || source == SourceNames.EsusList ? null
        : found ? options.Value.FreshnessFor(source)
        : options.Value.NotFoundFreshness;
}
