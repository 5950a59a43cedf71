using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The registry pipeline measures each attempt, counts 429s and counts circuit-breaker openings, through the
/// real registry clients on the WireMock registries.</summary>
public sealed class RegistryMetricsTests : IDisposable
{
    private readonly RegistryStubs _stubs = new();

    private ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null) =>
        RegistryTestServices.Create(_stubs, overrides: overrides).AddMetrics().BuildServiceProvider();

    private static IRegistrySource Recherche(IServiceProvider services) =>
        services.GetServices<IRegistrySource>().Single(s => s.Name == SourceNames.RechercheEntreprises);

    private static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument) where T : struct =>
        new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), EsusCheckMetrics.MeterName, instrument);

    [Fact]
    public async Task Every_attempt_is_measured_with_its_status_and_429s_are_counted()
    {
        var found = TestSirets.Next();
        var throttled = TestSirets.Next();
        _stubs.RechercheFound(found).Fails(Registry.RechercheEntreprises, throttled, 429, retryAfterSeconds: 120);
        using var services = Build();
        using var durations = Collect<double>(services, EsusCheckMetrics.Names.RegistryDuration);
        using var throttles = Collect<long>(services, EsusCheckMetrics.Names.RegistryThrottled);

        await Recherche(services).FetchAsync(IdentifierParser.ParseSiret(found).Value!.Value, default);
        var answer = await Recherche(services).FetchAsync(IdentifierParser.ParseSiret(throttled).Value!.Value, default);

        Assert.Equal(SourceOutcome.Unavailable, answer.Outcome);
        Assert.Equal(["200", "429"], durations.GetMeasurementSnapshot().Select(m => (string)m.Tags[EsusCheckMetrics.Tags.StatusCode]!).Order());
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.Equal(SourceNames.RechercheEntreprises, m.Tags[EsusCheckMetrics.Tags.Source]));
        var throttle = Assert.Single(throttles.GetMeasurementSnapshot());
        Assert.Equal(1, throttle.Value);
    }

    [Fact]
    public async Task An_opening_of_the_circuit_breaker_is_counted()
    {
        var failing = TestSirets.Next();
        _stubs.Fails(Registry.RechercheEntreprises, failing, 500);
        using var services = Build(new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxRetries"] = "0",
            ["Registries:RechercheEntreprises:BreakerMinimumThroughput"] = "2",
            ["Registries:RechercheEntreprises:BreakerFailureRatio"] = "0.5",
        });
        using var openings = Collect<long>(services, EsusCheckMetrics.Names.CircuitOpened);
        var siret = IdentifierParser.ParseSiret(failing).Value!.Value;

        for (var i = 0; i < 3; i++) await Recherche(services).FetchAsync(siret, default);

        var opening = Assert.Single(openings.GetMeasurementSnapshot());
        Assert.Equal(SourceNames.RechercheEntreprises, opening.Tags[EsusCheckMetrics.Tags.Source]);
        Assert.Equal(2, _stubs.RequestCount(Registry.RechercheEntreprises, failing));
    }

    public void Dispose() => _stubs.Dispose();
}
