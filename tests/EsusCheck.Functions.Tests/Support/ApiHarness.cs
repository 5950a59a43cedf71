using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>The function app's own composition root (<see cref="FunctionsServiceCollectionExtensions.AddEsusCheckFunctions"/>)
/// with the registries played by WireMock (<see cref="RegistryStubs"/>), storage pointed at Azurite
/// (<see cref="StorageSettings"/>: unique tables and containers per harness) and a wall clock the test sets; function
/// classes are created from it as the host would.</summary>
public sealed class ApiHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public ApiHarness(
        Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null,
        bool marcheToken = false, bool sireneKey = false)
    {
        var values = RegistryTestServices.Configuration(Stubs, marcheToken, sireneKey);
        values["HttpApi:ReportMaxAge"] = "01:00:00";
        values["HttpApi:BatchConcurrency"] = "4";
        values.WithBulkStorage();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEsusCheckFunctions(Configuration);
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConfiguration Configuration { get; }

    public RegistryStubs Stubs { get; } = new();

    public WallClock Clock { get; } = new(Start);

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_provider);

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public IServiceProvider Services => _provider;

    public int RechercheCalls(string siret) => Stubs.RequestCount(Registry.RechercheEntreprises, siret);

    public static void Replace<TService>(IServiceCollection services, TService instance) where TService : class =>
        services.Replace(ServiceDescriptor.Singleton(instance));

    /// <summary>The Application Insights module registered by the composition root is only asynchronously disposable.</summary>
    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Stubs.Dispose();
    }
}

/// <summary>A wall clock the test moves by hand, over real timers and timestamps: the registries' timeouts, retry
/// delays and pacing keep running in real time, while reports and audit rows carry the dates the test chose.</summary>
public sealed class WallClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
