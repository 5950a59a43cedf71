using EsusCheck.Bulk.InProcess;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>The in-process pipeline (<see cref="LocalBulkRunner"/>, as <c>esuscheck bulk</c> runs it) on files in a
/// temporary folder, registries played by WireMock.</summary>
internal sealed class LocalHarness : ScenarioHarness<Suppliers>
{
    private LocalHarness(Composition composition) : base(composition, "esuscheck-bulk-")
    {
    }

    public Suppliers Suppliers => Scenario;
    public LocalBulkRunner Runner => Services.GetRequiredService<LocalBulkRunner>();

    public static async Task<LocalHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        new(await ComposeAsync(settings, (services, configuration) => services.AddBulk(configuration), configure));

    public async Task<LocalBulkRun> RunAsync(string path, IProgress<BulkProgress>? progress = null) =>
        await Runner.RunAsync(path, OutputFolder, progress, CancellationToken.None);

    public byte[] Output(string name) => File.ReadAllBytes(Path.Combine(OutputFolder, name));
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
