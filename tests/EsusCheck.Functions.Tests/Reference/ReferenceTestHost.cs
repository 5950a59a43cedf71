using System.Text.Json.Nodes;
using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Telemetry;
using EsusCheck.Functions.Reference;
using EsusCheck.Registries;
using EsusCheck.Storage;
using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using WireMock.Server;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The reference refresh as the function app composes it, on Azurite (unique table names per test) with the
/// registries played by WireMock, a fake clock, captured logs and collected metrics.</summary>
internal sealed class ReferenceTestHost : IDisposable
{
    public const string Token = "jeton0123456789jeton0123456789jeton0123456789jeton0123456789abcd";

    private readonly ServiceProvider _services;
    private readonly MetricCollector<long> _refreshes;
    private readonly MetricCollector<long> _stale;

    public ReferenceTestHost(WireMockServer server, DateTimeOffset now, string? esusListPath = "/files/liste-esus.xlsx", bool marcheToken = true, bool finess = false)
    {
        Clock = new FakeTimeProvider(now);
        var settings = new Dictionary<string, string?>
        {
            ["Esus:ListSource"] = esusListPath is null ? "" : server.Url + esusListPath,
            ["Registries:MarcheInclusion:BaseUrl"] = server.Url + "/",
            ["Registries:MarcheInclusion:Token"] = marcheToken ? Token : "",
            ["Registries:MarcheInclusion:PageSize"] = "2",
            ["Reference:CopyFiness"] = finess ? "true" : "false",
            ["Registries:Finess:BaseUrl"] = server.Url + "/",
            ["Registries:Finess:MinInterval"] = "00:00:00",
            ["Registries:Finess:MaxRetries"] = "0",
            ["Registries:Finess:PageSize"] = "2",
        }.WithStorage();
        MarcheTable = settings["Reference:MarcheCopyTable"]!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging())
            .AddMetrics()
            .AddSingleton<TimeProvider>(Clock)
            .AddEsusCheckCore(configuration)
            .AddTableStorage(configuration)
            .AddRegistries(configuration)
            .AddReferenceFunctions(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _refreshes = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.ReferenceRefreshes);
        _stale = new MetricCollector<long>(meters, EsusCheckMetrics.MeterName, EsusCheckMetrics.Names.ReferenceStale);
    }

    public FakeTimeProvider Clock { get; }

    public string MarcheTable { get; }

    public T Get<T>() where T : notnull => ActivatorUtilities.GetServiceOrCreateInstance<T>(_services);

    public IEsusListStore EsusList => _services.GetRequiredService<IEsusListStore>();

    public IMarcheCopyStore MarcheCopy => _services.GetRequiredService<IMarcheCopyStore>();

    public IFinessCopyStore FinessCopy => _services.GetRequiredService<IFinessCopyStore>();

    public FakeLogCollector Logs => _services.GetRequiredService<FakeLogCollector>();

    /// <summary>How many refreshes of <paramref name="list"/> ended with <paramref name="outcome"/> (metric).</summary>
    public long Refreshes(string list, RefreshOutcome outcome) => _refreshes.GetMeasurementSnapshot()
        .Where(m => Equals(m.Tags[EsusCheckMetrics.Tags.List], list) && Equals(m.Tags[EsusCheckMetrics.Tags.Outcome], outcome.ToString().ToLowerInvariant()))
        .Sum(m => m.Value);

    public long StaleCount(string list) => _stale.GetMeasurementSnapshot()
        .Where(m => Equals(m.Tags[EsusCheckMetrics.Tags.List], list)).Sum(m => m.Value);

    public IEnumerable<FakeLogRecord> Errors => Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error);

    public void Dispose()
    {
        _refreshes.Dispose();
        _stale.Dispose();
        _services.Dispose();
    }

    /// <summary>A real XLSX workbook written by MiniExcel: a title line as the DG Trésor puts above the table, then the
    /// header (SIREN in column B, as in the published file) and one row per SIREN.</summary>
    public static byte[] EsusWorkbook(params string[] sirens)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "Liste nationale des agréments ESUS", ["B"] = null, ["C"] = null },
            new() { ["A"] = "Raison sociale", ["B"] = "SIREN", ["C"] = "Département" },
        };
        rows.AddRange(sirens.Select((siren, i) => new Dictionary<string, object?> { ["A"] = $"Entreprise {i + 1}", ["B"] = siren, ["C"] = "75" }));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "Liste", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>One page of Le Marché's <c>GET /api/siae/?limit=&amp;offset=</c>: the paginated envelope around the
    /// structures of registries.md §2 (<see cref="RegistryShapes.MarcheStructure"/>).</summary>
    public static string MarchePage(WireMockServer server, int count, int offset, int limit, params (int Id, string Siret, string Kind, bool Active)[] structures)
    {
        string? Link(int at) => at < 0 || at >= count ? null : $"{server.Url}/api/siae/?limit={limit}&offset={at}";
        var results = new JsonArray(structures.Select(s => (JsonNode)RegistryShapes.MarcheStructure(s.Siret, s.Kind, s.Active, s.Id)).ToArray());
        return new JsonObject
        {
            ["count"] = count,
            ["next"] = Link(offset + limit),
            ["previous"] = offset == 0 ? null : Link(Math.Max(0, offset - limit)),
            ["results"] = results,
        }.ToJsonString();
    }
}
