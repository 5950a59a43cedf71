using EsusCheck.Bulk.InProcess;
using EsusCheck.Core.Application;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Processing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Spaser.Tests.Support;

/// <summary>The in-process SPASER pipeline (<see cref="LocalSpaserRunner"/>, as <c>esuscheck spaser</c> runs it) on
/// files in a temporary folder, the registries played by WireMock with the <see cref="Scenario"/> companies.</summary>
internal sealed class SpaserHarness : IAsyncDisposable
{
    private SpaserHarness(RegistryStubs stubs, ServiceProvider services, Scenario scenario)
    {
        Stubs = stubs;
        Services = services;
        Scenario = scenario;
        Directory.CreateDirectory(Folder);
    }

    public RegistryStubs Stubs { get; }
    public ServiceProvider Services { get; }
    public Scenario Scenario { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "esuscheck-spaser-" + Guid.NewGuid().ToString("N")[..8]);
    public string OutputFolder => Path.Combine(Folder, "resultats");

    public static async Task<SpaserHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var stubs = new RegistryStubs();
        var scenario = new Scenario();
        scenario.Stage(stubs);
        var services = RegistryTestServices.Create(stubs, marcheToken: true, overrides: overrides);
        var configuration = (IConfiguration)services.Single(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;
        services.AddSpaser(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await scenario.LoadEsusListAsync(provider.GetRequiredService<IEsusListStore>());
        return new SpaserHarness(stubs, provider, scenario);
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<LocalSpaserRun> RunAsync(string path, SpaserFilter? filter = null, IProgress<BulkProgress>? progress = null) =>
        Services.GetRequiredService<LocalSpaserRunner>().RunAsync(path, filter ?? SpaserFilter.All, OutputFolder, progress, CancellationToken.None);

    public string OutputPath(string name) => Path.Combine(OutputFolder, name);

    public async ValueTask DisposeAsync()
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
    }
}
