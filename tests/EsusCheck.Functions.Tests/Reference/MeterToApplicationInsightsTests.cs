using System.Collections.Concurrent;
using EsusCheck.Core.Telemetry;
using EsusCheck.Functions.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The EsusCheck meter reaches Application Insights as pre-aggregated custom metrics with their tags.</summary>
public sealed class MeterToApplicationInsightsTests
{
    private sealed class Channel : ITelemetryChannel
    {
        public ConcurrentBag<ITelemetry> Sent { get; } = [];
        public bool? DeveloperMode { get; set; }
        public string EndpointAddress { get; set; } = "";
        public void Send(ITelemetry item) => Sent.Add(item);
        public void Flush() { }
        public void Dispose() { }
    }

    [Fact]
    public async Task Measurements_become_custom_metrics_aggregated_per_tag_set()
    {
        var channel = new Channel();
        using var configuration = new TelemetryConfiguration { TelemetryChannel = channel, ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000" };
        var telemetry = new TelemetryClient(configuration);
        using var services = new ServiceCollection().AddMetrics().AddEsusCheckTelemetry().BuildServiceProvider();
        var metrics = services.GetRequiredService<EsusCheckMetrics>();
        using var bridge = new MeterToApplicationInsights(telemetry, metrics);
        await bridge.StartAsync(default);

        metrics.CacheHit("recherche-entreprises");
        metrics.CacheHit("recherche-entreprises");
        metrics.CacheMiss("marche-inclusion");
        metrics.RegistryAttempt("recherche-entreprises", TimeSpan.FromMilliseconds(120), 429);
        metrics.ReferenceRefreshed("esus", RefreshOutcome.Failed);
        await bridge.StopAsync(default);

        var sent = channel.Sent.OfType<MetricTelemetry>().ToList();
        var hits = Assert.Single(sent, m => m.Name == EsusCheckMetrics.Names.CacheHits);
        Assert.Equal(2, hits.Sum);
        Assert.Equal("recherche-entreprises", hits.Properties[EsusCheckMetrics.Tags.Source]);
        Assert.Equal(1, Assert.Single(sent, m => m.Name == EsusCheckMetrics.Names.CacheMisses).Sum);
        var duration = Assert.Single(sent, m => m.Name == EsusCheckMetrics.Names.RegistryDuration);
        Assert.Equal(120, duration.Sum, 3);
        Assert.Equal("429", duration.Properties[EsusCheckMetrics.Tags.StatusCode]);
        Assert.Equal(1, Assert.Single(sent, m => m.Name == EsusCheckMetrics.Names.RegistryThrottled).Sum);
        var refresh = Assert.Single(sent, m => m.Name == EsusCheckMetrics.Names.ReferenceRefreshes);
        Assert.Equal("failed", refresh.Properties[EsusCheckMetrics.Tags.Outcome]);
        Assert.Equal("esus", refresh.Properties[EsusCheckMetrics.Tags.List]);
    }
}

public sealed class SiretScrubbingTelemetryInitializerTests
{
    [Fact]
    public void Siret_and_siren_in_registry_urls_are_replaced_by_their_log_hash()
    {
        var dependency = new DependencyTelemetry("Http", "lemarche.example", "GET /api/siae/siret/53374499100035/",
            "https://lemarche.example/api/siae/siret/53374499100035/?q=533744991&limit=100&offset=1200");

        new SiretScrubbingTelemetryInitializer().Initialize(dependency);

        Assert.Equal($"GET /api/siae/siret/h-{EsusCheck.Core.Application.LogPrivacy.Hash("53374499100035")}/", dependency.Name);
        Assert.DoesNotContain("53374499100035", dependency.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("533744991", dependency.Data, StringComparison.Ordinal);
        Assert.EndsWith("&limit=100&offset=1200", dependency.Data, StringComparison.Ordinal);
    }
}

public sealed class TelemetryLoggingTests
{
    [Fact]
    public void Information_logs_reach_application_insights_but_http_client_chatter_does_not()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddApplicationInsightsTelemetryWorkerService().AddEsusCheckFunctionsTelemetry().BuildServiceProvider();

        var rules = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Logging.LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, r => r.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true
                                         && string.IsNullOrEmpty(r.CategoryName) && r.LogLevel == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains(rules, r => r.CategoryName == "System.Net.Http.HttpClient" && r.LogLevel == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
