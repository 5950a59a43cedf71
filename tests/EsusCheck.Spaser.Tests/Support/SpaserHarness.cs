using EsusCheck.Bulk.InProcess;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Spaser;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Processing;
using EsusCheck.Storage;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Spaser.Tests.Support;

/// <summary>The SPASER pipeline over the registries played by WireMock with the <see cref="Scenario"/> companies: in
/// process (<see cref="LocalSpaserRunner"/>, as <c>esuscheck spaser</c> runs it) on files in a temporary folder, or
/// (<see cref="OnAzuriteAsync"/>) as the function app wires it, on Azurite.</summary>
internal sealed class SpaserHarness : ScenarioHarness<Scenario>
{
    private SpaserHarness(Composition composition) : base(composition, "esuscheck-spaser-")
    {
    }

    public static async Task<SpaserHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null) =>
        new(await ComposeAsync(overrides, (services, configuration) => services.AddSpaser(configuration), configure));

    /// <summary>The functions as the app wires them (<c>AddEsusCheckFunctions</c>' SPASER and bulk parts, Table Storage
    /// cache, ESUS list and audit) on Azurite, with the job table and output container unique to this test.</summary>
    public static async Task<SpaserHarness> OnAzuriteAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = StorageSettings.ForBulk();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return new(await ComposeAsync(settings, (services, configuration) =>
        {
            services.AddTableStorage(configuration);
            services.AddBulkFunctions(configuration);
            services.AddSpaserFunctions(configuration);
            services.AddSingleton<SpaserFileDroppedFunction>();
            services.AddSingleton<SpaserHttpFunctions>();
            services.AddSingleton<BulkWorkFunction>();
        }, configure: null, validateOnBuild: true));
    }

    public string OutputContainer => Get<IConfiguration>()["Bulk:OutputContainer"]!;

    public Task<LocalSpaserRun> RunAsync(string path, SpaserFilter? filter = null, IProgress<BulkProgress>? progress = null) =>
        Services.GetRequiredService<LocalSpaserRunner>().RunAsync(path, filter ?? SpaserFilter.All, OutputFolder, progress, CancellationToken.None);

    public string OutputPath(string name) => Path.Combine(OutputFolder, name);
}
