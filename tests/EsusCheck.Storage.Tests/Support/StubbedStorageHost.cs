namespace EsusCheck.Storage.Tests.Support;

/// <summary>The real registry clients pointed at WireMock (<see cref="RegistryStubs"/>) plus Table Storage on Azurite
/// with tables unique to this test. The registries keep the system clock (their timeouts and retries need it); the
/// cache alone gets <see cref="CacheClock"/>, started at the real time, so a test can age what it stored.</summary>
public sealed class StubbedStorageHost : AppOnAzurite
{
    public StubbedStorageHost(Action<IServiceCollection>? configure = null) : base(StorageSettings.For())
    {
        // Generous attempt timeouts: on a loaded machine a first (cold) call may take seconds, and a retry would
        // count as a second upstream call.
        var overrides = new Dictionary<string, string?>();
        foreach (var source in new[] { "RechercheEntreprises", "MarcheInclusion", "Sirene", "Finess" })
        {
            overrides[$"Registries:{source}:AttemptTimeout"] = "00:00:30";
            overrides[$"Registries:{source}:TotalTimeout"] = "00:01:00";
        }
        var services = RegistryTestServices.Create(Stubs, marcheToken: true, overrides: overrides);
        Build(services, services =>
        {
            services.AddSingleton<IFactsCache>(sp => ActivatorUtilities.CreateInstance<TableFactsCache>(sp, (TimeProvider)CacheClock));
            configure?.Invoke(services);
        });
    }

    public RegistryStubs Stubs { get; } = new();
    public FakeTimeProvider CacheClock { get; } = new(DateTimeOffset.UtcNow);

    public override void Dispose()
    {
        base.Dispose();
        Stubs.Dispose();
    }
}
