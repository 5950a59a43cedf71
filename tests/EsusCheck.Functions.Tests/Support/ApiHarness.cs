using EsusCheck.Core.Application;
using EsusCheck.Functions.Http;
using EsusCheck.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>The function app's own composition root (<see cref="FunctionsServiceCollectionExtensions.AddEsusCheckFunctions"/>)
/// with our fake identity source and a fake clock; the function classes are created from it as the host would.</summary>
public sealed class ApiHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = FactsBuilder.RetrievedAt.AddMinutes(5);

    private readonly ServiceProvider _provider;

    public ApiHarness(Action<IServiceCollection>? configureServices = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["HttpApi:ReportMaxAge"] = "01:00:00",
            ["HttpApi:BatchConcurrency"] = "4",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IRegistrySource>(Registry);
        services.AddSingleton<IHeadOfficeResolver>(HeadOffices);
        services.AddEsusCheckFunctions(Configuration);
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IConfiguration Configuration { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public FakeRegistry Registry { get; } = new();

    public FakeHeadOffices HeadOffices { get; } = new();

    public IServiceProvider Services => _provider;

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_provider);

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static void Replace<TService>(IServiceCollection services, TService instance) where TService : class =>
        services.Replace(ServiceDescriptor.Singleton(instance));

    /// <summary>The Application Insights module registered by the composition root is only asynchronously disposable.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
