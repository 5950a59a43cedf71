using EsusCheck.Bulk.InProcess;
using EsusCheck.Core.Application;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>The in-process pipeline (<see cref="LocalBulkRunner"/>, as <c>esuscheck bulk</c> runs it) on files in a
/// temporary folder, registries played by WireMock.</summary>
internal sealed class LocalHarness : IAsyncDisposable
{
    private LocalHarness(RegistryStubs stubs, ServiceProvider services, Suppliers suppliers)
    {
        Stubs = stubs;
        Services = services;
        Suppliers = suppliers;
        Directory.CreateDirectory(Folder);
    }

    public RegistryStubs Stubs { get; }
    public ServiceProvider Services { get; }
    public Suppliers Suppliers { get; }
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "esuscheck-bulk-" + Guid.NewGuid().ToString("N")[..8]);
    public string OutputFolder => Path.Combine(Folder, "resultats");
    public LocalBulkRunner Runner => Services.GetRequiredService<LocalBulkRunner>();

    public static async Task<LocalHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var stubs = new RegistryStubs();
        var suppliers = new Suppliers();
        suppliers.Stage(stubs);
        var services = RegistryTestServices.Create(stubs, marcheToken: true, overrides: settings);
        var configuration = (IConfiguration)services.Single(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;
        services.AddBulk(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await suppliers.LoadEsusListAsync(provider.GetRequiredService<IEsusListStore>());
        return new LocalHarness(stubs, provider, suppliers);
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public async Task<LocalBulkRun> RunAsync(string path, IProgress<BulkProgress>? progress = null) =>
        await Runner.RunAsync(path, OutputFolder, progress, CancellationToken.None);

    public byte[] Output(string name) => File.ReadAllBytes(Path.Combine(OutputFolder, name));

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

/// <summary>Collects progress reports synchronously (<see cref="Progress{T}"/> would post them later).</summary>
internal sealed class RecordedProgress : IProgress<BulkProgress>
{
    public List<BulkProgress> Reports { get; } = [];

    public void Report(BulkProgress value)
    {
        lock (Reports) Reports.Add(value);
    }
}
