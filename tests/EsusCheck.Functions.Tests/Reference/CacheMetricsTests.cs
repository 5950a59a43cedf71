using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Storage;
using EsusCheck.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Moq;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The Table Storage cache (on Azurite) counts a fresh answer as a hit and an answer it had to ask for as a miss.</summary>
public sealed class CacheMetricsTests
{
    [Fact]
    public async Task A_first_check_is_a_miss_and_the_next_one_a_hit()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:Tables:FactsCache"] = Azurite.UniqueName("cache"),
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddMetrics().AddEsusCheckTelemetry()
            .AddEsusCheckCore(configuration).AddTableStorage(configuration).BuildServiceProvider();
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var hits = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.CacheHits);
        using var misses = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.CacheMisses);
        var source = new Mock<IRegistrySource>();
        source.SetupGet(s => s.Name).Returns(SourceNames.Finess);
        source.Setup(s => s.FetchAsync(It.IsAny<Siret>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(SourceFacts.NotFound(SourceNames.Finess, DateTimeOffset.UtcNow, "Aucun établissement FINESS."));
        var cache = services.GetRequiredService<IFactsCache>();
        var siret = IdentifierParser.ParseSiret("53374499100035").Value!.Value;

        await cache.GetOrFetchAsync(source.Object, siret, refresh: false, default);
        var second = await cache.GetOrFetchAsync(source.Object, siret, refresh: false, default);

        Assert.True(second.Evidence.FromCache);
        Assert.Equal(SourceNames.Finess, Assert.Single(misses.GetMeasurementSnapshot()).Tags[EsusCheckMetrics.Tags.Source]);
        Assert.Equal(SourceNames.Finess, Assert.Single(hits.GetMeasurementSnapshot()).Tags[EsusCheckMetrics.Tags.Source]);
        source.Verify(s => s.FetchAsync(siret, It.IsAny<CancellationToken>()), Times.Once);
    }
}
