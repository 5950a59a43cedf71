using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EsusCheck.Bulk.Processing;
using EsusCheck.Spaser;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Processing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Benchmarks;

/// <summary>A DECP file through the whole SPASER pipeline in-process (as <c>esuscheck spaser</c>): reader, planner,
/// bulk chunk processor with the real <see cref="Core.Application.EligibilityService"/> against the WireMock registry,
/// annotator, indicators, workbook, report. The file is a JSON of the 2022 format: <c>--contracts</c> contracts
/// (default 10,000) over <c>--holders</c> distinct SIRETs (default 2,000), one contract in five with two holders,
/// one in ten with a subcontracting act, two buyers over three years. A first run fills the facts cache (warm-up),
/// the second is measured: warm, as the issue asks.</summary>
public static class SpaserBenchmark
{
    private static readonly string[] Cpvs = ["85311000-2", "79710000-4", "45000000-7", "90910000-9", "55523100-3"];
    private static readonly string[][] Social = [["Clause sociale"], ["Pas de considération sociale"], ["Critère social", "Clause sociale"], ["Marché réservé"], ["Pas de considération sociale"]];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchmarkOptions(args);
        var contracts = options.Int("contracts", 10_000);
        var holders = options.Int("holders", 2_000);
        Console.WriteLine($"spaser: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");
        using var stub = new BulkBenchmark.RechercheStub(limitPerSecond: null);
        var sirets = Enumerable.Range(0, holders).Select(_ => TestSirets.Next()).ToList();
        var services = RegistryTestServices.Create(stub.Stubs, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MinInterval"] = "00:00:00",
        });
        var configuration = (IConfiguration)services.Single(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;
        services.AddSpaser(configuration);
        services.AddSingleton<Core.Application.IFactsCache>(new BulkBenchmark.MemoryFactsCache());
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<LocalSpaserRunner>();
        using var folder = new BulkBenchmark.TempFolder();
        var file = DecpFile(folder.Path("decp.json"), sirets, contracts);
        Console.WriteLine($"file: {contracts:N0} contracts, {holders:N0} distinct holders, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB (DECP JSON 2022)");

        var warmUp = Stopwatch.StartNew();
        await runner.RunAsync(file, SpaserFilter.All, folder.Path("warm-up"), null, CancellationToken.None);
        Console.WriteLine($"warm-up (cold cache, unpaced stub): {warmUp.Elapsed.TotalSeconds:F1} s, {stub.Requests:N0} registry requests");
        var before = stub.Requests;

        using var memory = new BulkBenchmark.MemorySampler();
        var measured = Stopwatch.StartNew();
        var run = await runner.RunAsync(file, SpaserFilter.All, folder.Path("measured"), null, CancellationToken.None);
        measured.Stop();
        BulkBenchmark.Report(run.Job, measured.Elapsed, memory, stub.Requests - before);
        Console.WriteLine($"contracts counted: {run.Summary?.Contracts?.Counted:N0} in {measured.Elapsed.TotalSeconds:F2} s → " +
                          $"{run.Summary?.Contracts?.Counted / measured.Elapsed.TotalSeconds:N0} contracts/s; {run.Summary?.Indicators.Count} buyer-years");
        return run.Job.State == BulkJobState.Completed && stub.Requests == before ? 0 : 1;
    }

    /// <summary>Streams the file to the disk with every property the schema requires.</summary>
    private static string DecpFile(string path, IReadOnlyList<string> sirets, int contracts)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartObject("marches");
        json.WriteStartArray("marche");
        for (var i = 0; i < contracts; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"B{i:D7}");
            json.WriteStartObject("acheteur");
            json.WriteString("id", i % 2 == 0 ? "21750001600019" : "20005478100022");
            json.WriteEndObject();
            json.WriteString("nature", "Marché");
            json.WriteString("objet", $"Prestations de services, lot {i % 12 + 1}");
            json.WriteString("codeCPV", Cpvs[i % Cpvs.Length]);
            Wrapped(json, "techniques", "technique", i % 7 == 0 ? "Accord-cadre" : "Sans objet");
            Wrapped(json, "modalitesExecution", "modaliteExecution", "Sans objet");
            json.WriteBoolean("marcheInnovant", false);
            json.WriteString("ccag", "Fournitures courantes et services");
            json.WriteNumber("offresRecues", 3);
            json.WriteBoolean("attributionAvance", false);
            json.WriteString("typeGroupementOperateurs", i % 5 == 0 ? "Conjoint" : "Pas de groupement");
            json.WriteString("procedure", "Procédure adaptée");
            json.WriteStartObject("lieuExecution");
            json.WriteString("code", "75056");
            json.WriteString("typeCode", "Code commune");
            json.WriteEndObject();
            json.WriteNumber("dureeMois", 12 + i % 36);
            var date = new DateOnly(2022 + i % 3, i % 12 + 1, i % 28 + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            json.WriteString("dateNotification", date);
            json.WriteString("datePublicationDonnees", date);
            json.WriteNumber("montant", 1_000 + i % 500 * 997);
            Wrapped(json, "typesPrix", "typePrix", "Définitif ferme");
            json.WriteString("formePrix", "Forfaitaire");
            json.WriteBoolean("sousTraitanceDeclaree", i % 10 == 0);
            json.WriteStartArray("titulaires");
            Holder(json, sirets[i % sirets.Count]);
            if (i % 5 == 0) Holder(json, sirets[(i * 7 + 1) % sirets.Count]);
            json.WriteEndArray();
            Wrapped(json, "considerationsSociales", "considerationSociale", Social[i % Social.Length]);
            Wrapped(json, "considerationsEnvironnementales", "considerationEnvironnementale", "Pas de considération environnementale");
            if (i % 10 == 0)
            {
                json.WriteStartArray("actesSousTraitance");
                json.WriteStartObject();
                json.WriteStartObject("acteSousTraitance");
                json.WriteNumber("id", 1);
                json.WriteStartObject("sousTraitant");
                json.WriteString("typeIdentifiant", "SIRET");
                json.WriteString("id", sirets[(i * 13 + 5) % sirets.Count]);
                json.WriteEndObject();
                json.WriteNumber("dureeMois", 6);
                json.WriteString("dateNotification", date);
                json.WriteString("datePublicationDonnees", date);
                json.WriteNumber("montant", 5_000);
                json.WriteString("variationPrix", "Ferme");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        return path;
    }

    private static void Holder(Utf8JsonWriter json, string siret)
    {
        json.WriteStartObject();
        json.WriteStartObject("titulaire");
        json.WriteString("typeIdentifiant", "SIRET");
        json.WriteString("id", siret);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Wrapped(Utf8JsonWriter json, string list, string item, params string[] values)
    {
        json.WriteStartObject(list);
        json.WriteStartArray(item);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
