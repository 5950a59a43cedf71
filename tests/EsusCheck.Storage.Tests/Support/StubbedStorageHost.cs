using EsusCheck.Core.Application;
using EsusCheck.Storage.Cache;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>The real registry clients pointed at WireMock (<see cref="RegistryStubs"/>) plus Table Storage on Azurite
/// with tables unique to this test. The registries keep the system clock (their timeouts and retries need it); the
/// cache alone gets <see cref="CacheClock"/>, started at the real time, so a test can age what it stored.</summary>
public sealed class StubbedStorageHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public StubbedStorageHost(Action<IServiceCollection>? configure = null)
    {
        var settings = StorageSettings.For();
        FactsTable = settings["Storage:Tables:FactsCache"]!;
        AuditTable = settings["Storage:Tables:Audit"]!;
        var storage = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        // Generous attempt timeouts: on a loaded machine a first (cold) call may take seconds, and a retry would
        // count as a second upstream call.
        var overrides = new Dictionary<string, string?>();
        foreach (var source in new[] { "RechercheEntreprises", "MarcheInclusion", "Sirene", "Finess" })
        {
            overrides[$"Registries:{source}:AttemptTimeout"] = "00:00:30";
            overrides[$"Registries:{source}:TotalTimeout"] = "00:01:00";
        }
        var services = RegistryTestServices.Create(Stubs, marcheToken: true, overrides: overrides);
        services.AddTableStorage(storage);
        services.AddSingleton<IFactsCache>(sp => ActivatorUtilities.CreateInstance<TableFactsCache>(sp, (TimeProvider)CacheClock));
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public RegistryStubs Stubs { get; } = new();
    public FakeTimeProvider CacheClock { get; } = new(DateTimeOffset.UtcNow);
    public string FactsTable { get; }
    public string AuditTable { get; }

    public EligibilityService Service => _provider.GetRequiredService<EligibilityService>();
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public Task<CheckOutcome> CheckAsync(string siret, bool refresh = false, string? clientId = null) =>
        Service.CheckAsync(new CheckRequest(siret, Refresh: refresh, ClientId: clientId));

    public async Task<Core.Reports.EligibilityReport> ReportAsync(string siret, bool refresh = false, string? clientId = null)
    {
        var outcome = await CheckAsync(siret, refresh, clientId);
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        return outcome.Report!;
    }

    public void Dispose()
    {
        _provider.Dispose();
        Stubs.Dispose();
    }
}
