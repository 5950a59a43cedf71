using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Storage;
using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The Table Storage cache (on Azurite) counts a fresh answer as a hit and an answer it had to ask for as a miss.</summary>
public sealed class CacheMetricsTests
{
    [Fact]
    public async Task A_first_check_is_a_miss_and_the_next_one_a_hit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(StorageSettings.For()).Build();
        using var services = new ServiceCollection().AddLogging()
            .AddEsusCheckCore(configuration).AddTableStorage(configuration).BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var hits = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.CacheHits);
        using var misses = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.CacheMisses);
        var source = new FakeRegistrySource(SourceNames.Finess, SourceRole.Complement,
            _ => SourceFacts.NotFound(SourceNames.Finess, DateTimeOffset.UtcNow, "Aucun établissement FINESS."));
        var cache = services.GetRequiredService<IFactsCache>();
        var siret = IdentifierParser.ParseSiret("53374499100035").Value!.Value;

        await cache.GetOrFetchAsync(source, siret, refresh: false, default);
        var second = await cache.GetOrFetchAsync(source, siret, refresh: false, default);

        Assert.True(second.Evidence.FromCache);
        Assert.Equal(SourceNames.Finess, Assert.Single(misses.GetMeasurementSnapshot()).Tags[EsusCheckMetrics.Tags.Source]);
        Assert.Equal(SourceNames.Finess, Assert.Single(hits.GetMeasurementSnapshot()).Tags[EsusCheckMetrics.Tags.Source]);
        Assert.Equal(1, source.CallsFor(siret));
    }
}
