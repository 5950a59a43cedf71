using EsusCheck.Core.Application;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Testing;

/// <summary>The harness base of the pipeline tests (bulk, SPASER): the app's real services (core and registries from
/// <see cref="RegistryTestServices"/>, plus what the test project adds) over the WireMock registries staged with a
/// scenario's companies, the scenario's ESUS list loaded, storage on Azurite when the settings come from
/// <see cref="StorageSettings"/>, and a temporary folder for the files a run reads and writes.</summary>
public abstract class ScenarioHarness<TScenario> : IAsyncDisposable where TScenario : IRegistryScenario, new()
{
    protected ScenarioHarness(Composition composition, string folderPrefix)
    {
        (Stubs, Scenario, Services) = composition;
        Folder = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
    }

    public RegistryStubs Stubs { get; }
    public TScenario Scenario { get; }
    public ServiceProvider Services { get; }
    public string Folder { get; }
    public string OutputFolder => Path.Combine(Folder, "resultats");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Stages a new scenario on new stubs, registers the registries pointed at them with
    /// <paramref name="settings"/>, then <paramref name="add"/> (the capability under test) and <paramref name="configure"/>
    /// (the test's own replacements, last so they win), builds, and loads the scenario's ESUS list.</summary>
    protected static async Task<Composition> ComposeAsync(
        IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection, IConfiguration> add,
        Action<IServiceCollection>? configure, bool validateOnBuild = false)
    {
        var stubs = new RegistryStubs();
        var scenario = new TScenario();
        scenario.Stage(stubs);
        var services = RegistryTestServices.Create(stubs, marcheToken: true, overrides: settings);
        var configuration = (IConfiguration)services.Single(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;
        add(services, configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild });
        await scenario.LoadEsusListAsync(provider.GetRequiredService<IEsusListStore>());
        return new(stubs, scenario, provider);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Stubs.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    public sealed record Composition(RegistryStubs Stubs, TScenario Scenario, ServiceProvider Services);
}
