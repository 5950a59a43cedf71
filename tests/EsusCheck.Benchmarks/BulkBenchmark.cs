using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using EsusCheck.Bulk;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.RechercheEntreprises;
using EsusCheck.Registries.Reference;
using EsusCheck.Registries.Sirene;
using EsusCheck.Storage;
using EsusCheck.Storage.Bulk;
using EsusCheck.Testing;
using EsusCheck.Testing.Bulk;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EsusCheck.Benchmarks;

/// <summary>Bulk supplier files through the real pipeline (reader, planner, chunk processor, finalizer, CSV and XLSX
/// writers) and the real <see cref="EligibilityService"/> with its registry clients pointed at a WireMock Recherche
/// d'entreprises that knows every SIRET. Scenarios, one per process so that the memory figures are its own:
/// <list type="bullet">
/// <item><c>local-warm</c>: a 100,000-row file in-process (as <c>esuscheck bulk</c>), facts cache warm;</item>
/// <item><c>azure-warm</c>: the same file through the Azure adapters on Azurite (blob, queue, job table) with the Table
/// Storage facts cache, ESUS list and audit log as deployed, warm; one consumer;</item>
/// <item><c>cold</c>: a few hundred distinct SIRETs, no cache, the stub enforcing 7 requests/s (429 beyond);</item>
/// <item><c>large</c>: a file over 100 MB, facts cache warm: memory must not follow the file size;</item>
/// <item><c>hostile</c>: the hostile files of issue 14 (<see cref="HostileFiles"/>): a sparse workbook with a cell in
/// column XFD and a row a million down, a CSV line of a million « ; ».</item>
/// </list></summary>
public static class BulkBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scenario = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "local-warm";
        var options = new BenchmarkOptions(args);
        Console.WriteLine($"bulk {scenario}: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");
        return scenario switch
        {
            "local-warm" => await WarmAsync(options, azure: false),
            "azure-warm" => await WarmAsync(options, azure: true),
            "cold" => await ColdAsync(options),
            "cold-insee" => await ColdInseeAsync(options),
            "large" => await LargeAsync(options),
            "hostile" => await HostileAsync(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.WriteLine("bulk local-warm|azure-warm|cold|cold-insee|large|hostile [--rows N] [--unique N] [--table-cache 1|0] [--pace-ms N] [--limit N] [--megabytes N]");
        return 2;
    }

    private static async Task<int> WarmAsync(BenchmarkOptions options, bool azure)
    {
        var rows = options.Int("rows", 100_000);
        var unique = options.Int("unique", 20_000);
        using var stub = new RechercheStub(limitPerSecond: null);
        var sirets = Enumerable.Range(0, unique).Select(_ => TestSirets.Next()).ToList();
        // In-process the cache is memory (the CLI has no storage). On Azurite it is the deployed Table Storage cache
        // (with the ESUS list and the audit log in tables too), or with --table-cache 0 memory, to isolate what the
        // bulk pipeline's own storage (job table, checkpoints, blobs, queue) costs.
        var tableCache = azure && options.Int("table-cache", 1) == 1;
        await using var services = Build(stub, tableCache ? null : new MemoryFactsCache(), azure, paceMs: 0, tableStorage: tableCache);
        Console.WriteLine(azure ? $"Azure adapters on Azurite; facts cache, ESUS list and audit log {(tableCache ? "in Table Storage" : "in memory")}" : "in-process; facts cache in memory");
        using var folder = new TempFolder();
        var file = SupplierFile(folder, "fournisseurs.csv", sirets, rows, commentLength: 0);
        Console.WriteLine($"file: {rows:N0} rows, {unique:N0} distinct SIRETs, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB (CSV ; Windows-1252)");

        var warmUp = Stopwatch.StartNew();
        await services.GetRequiredService<LocalBulkRunner>().RunAsync(file, folder.Path("warm-up"), null, CancellationToken.None);
        Console.WriteLine($"warm-up (cold cache, unpaced stub): {warmUp.Elapsed.TotalSeconds:F1} s, {stub.Requests:N0} registry requests");
        var requestsBefore = stub.Requests;

        using var memory = new MemorySampler();
        var measured = Stopwatch.StartNew();
        var job = azure
            ? await RunOnAzuriteAsync(services, File.ReadAllBytes(file))
            : (await services.GetRequiredService<LocalBulkRunner>().RunAsync(file, folder.Path("measured"), null, CancellationToken.None)).Job;
        measured.Stop();
        Report(job, measured.Elapsed, memory, stub.Requests - requestsBefore);
        return job.State == BulkJobState.Completed && stub.Requests == requestsBefore ? 0 : 1;
    }

    private static async Task<int> ColdAsync(BenchmarkOptions options)
    {
        var unique = options.Int("unique", 300);
        var rows = options.Int("rows", 1_000);
        var limit = options.Int("limit", 7);
        // 0: the shipped limiter (Registries:RechercheEntreprises defaults); N: the former fixed spacing of N ms.
        var paceMs = options.Int("pace-ms", 0);
        using var stub = new RechercheStub(limitPerSecond: limit);
        var sirets = Enumerable.Range(0, unique).Select(_ => TestSirets.Next()).ToList();
        await using var services = Build(stub, cache: null, azure: false, paceMs, productionLimits: paceMs == 0);
        using var folder = new TempFolder();
        var file = SupplierFile(folder, "fournisseurs.csv", sirets, rows, commentLength: 0);
        var defaults = new RechercheEntreprisesOptions();
        Console.WriteLine($"file: {rows:N0} rows, {unique:N0} distinct SIRETs; stub limit {limit} requests/s (429 + Retry-After beyond); " +
                          (paceMs == 0 ? $"client limit {defaults.RequestsPerWindow} per sliding {defaults.Window.TotalMilliseconds} ms" : $"client pace one attempt every {paceMs} ms") +
                          "; no cache");

        using var memory = new MemorySampler();
        var measured = Stopwatch.StartNew();
        var run = await services.GetRequiredService<LocalBulkRunner>().RunAsync(file, folder.Path("out"), null, CancellationToken.None);
        measured.Stop();
        Report(run.Job, measured.Elapsed, memory, stub.Requests);
        var times = stub.Times.Order().ToList();
        var span = (times[^1] - times[0]).TotalSeconds;
        Console.WriteLine($"Recherche requests: {stub.Requests} ({stub.Rejected} answered 429), {(stub.Requests - 1) / span:F2} requests/s " +
                          $"between the first and the last; busiest sliding second: {BusiestSecond(times)} requests");
        Console.WriteLine($"distinct checks/s: {unique / measured.Elapsed.TotalSeconds:F2} (limit {limit}/s)");
        return run.Job.State == BulkJobState.Completed ? 0 : 1;
    }

    /// <summary>20,000 distinct suppliers cold, with an INSEE key: the prefetch asks INSEE's multi-SIRET search (the stub
    /// enforcing 30 requests per sliding minute, 429 beyond), then the chunks run from the cache. Recherche d'entreprises
    /// (7/s, 429 beyond) answers only the SIRETs the batches lack.</summary>
    private static async Task<int> ColdInseeAsync(BenchmarkOptions options)
    {
        var unique = options.Int("unique", 20_000);
        var rows = options.Int("rows", 40_000);
        var missingEvery = options.Int("missing-every", 200);
        var azure = options.Int("azure", 0) == 1;
        using var stub = new RechercheStub(limitPerSecond: 7);
        var insee = new InseeStub(stub.Stubs, perMinute: 30, missingEvery);
        var sirets = Enumerable.Range(0, unique).Select(_ => TestSirets.Next()).ToList();
        var finessList = ServeFinessList(stub.Stubs, sirets);
        await using var services = Build(stub, azure ? null : new InMemoryFactsCache(), azure, paceMs: 0, tableStorage: azure, productionLimits: true,
            inseeKey: true);
        using var folder = new TempFolder();
        var file = SupplierFile(folder, "fournisseurs.csv", sirets, rows, commentLength: 0);
        Console.WriteLine($"file: {rows:N0} rows, {unique:N0} distinct SIRETs; INSEE stub 30 requests per sliding minute (429 beyond), one SIRET in " +
                          $"{missingEvery} absent from its batch answers; Recherche stub 7/s (429 beyond); FINESS list of {finessList:N0} ESAT/EA; " +
                          $"shipped client limits; {(azure ? "queue adapters, cache, ESUS list, audit and request log on Azurite" : "esuscheck bulk in-process, cache in memory")}");

        using var memory = new MemorySampler();
        var measured = Stopwatch.StartNew();
        // What esuscheck bulk does first: the stale local copies are refreshed once (here FINESS; no Marché token).
        var copies = await services.GetRequiredService<ReferenceRefreshService>().RefreshStaleCopiesAsync(CancellationToken.None);
        var job = azure
            ? await RunOnAzuriteAsync(services, await File.ReadAllBytesAsync(file))
            : (await services.GetRequiredService<LocalBulkRunner>().RunAsync(file, folder.Path("out"), null, CancellationToken.None)).Job;
        measured.Stop();
        Report(job, measured.Elapsed, memory, stub.Requests);
        var finessPerSiret = stub.Stubs.Requests(Registry.Finess, null).Count(e => e.RequestMessage.Query?.ContainsKey("siret__exact") == true);
        var finessPages = stub.Stubs.RequestCount(Registry.Finess) - finessPerSiret;
        var inseeSingle = stub.Stubs.RequestCount(Registry.Sirene) - insee.Calls;
        Console.WriteLine($"copies: {string.Join("; ", copies.Select(c => $"{c.List} {c.Outcome} ({c.Count})"))}; FINESS list pages: {finessPages}");
        Console.WriteLine($"INSEE batch calls: {insee.Calls} ({insee.Rejected} answered 429); INSEE single lookups: {inseeSingle}; " +
                          $"Recherche requests: {stub.Requests} ({stub.Rejected} answered 429); FINESS per-SIRET requests: {finessPerSiret}");
        Console.WriteLine($"per-SIRET registry calls in total: {stub.Requests + inseeSingle + finessPerSiret}; " +
                          $"prefetch: {job.PrefetchStored:N0} stored, {job.PrefetchMissing:N0} left to single lookups; " +
                          $"distinct checks/s: {unique / measured.Elapsed.TotalSeconds:F1}; rows back: {job.RowsDone:N0} of {job.RowsTotal:N0}, {job.RowsInError:N0} in error");
        return job.State == BulkJobState.Completed && job.RowsDone == job.RowsTotal ? 0 : 1;
    }

    /// <summary>The ESAT/EA list of the tabular API (categetab__in=246,247), paged by 50 as the client asks: the
    /// file's ESAT (one company in ten) and as many establishments of other SIRETs.</summary>
    private static int ServeFinessList(RegistryStubs stubs, IReadOnlyList<string> sirets)
    {
        var esat = sirets.Where((_, i) => i % 10 == 4).ToList();
        var rows = esat.Select(s => (s, 246)).Concat(esat.Select(s => (TestSirets.OtherEstablishment(s), 247))).ToList();
        const int PageSize = 50;
        var pages = (rows.Count + PageSize - 1) / PageSize;
        var path = $"/api/resources/{RegistryStubs.FinessResource}/data/";
        for (var page = 1; page <= pages; page++)
        {
            var data = new System.Text.Json.Nodes.JsonArray(rows.Skip((page - 1) * PageSize).Take(PageSize).Select(r =>
            {
                var row = RegistryShapes.FinessRow(r.Item1, "0", r.Item2 == 246 ? "E.S.A.T." : "Entreprise Adaptée", "130000000");
                row["categetab"] = r.Item2;
                return (System.Text.Json.Nodes.JsonNode)row;
            }).ToArray());
            var next = page < pages ? $"{stubs.BaseUrl}{path}?categetab__in=246,247&page={page + 1}&page_size={PageSize}" : null;
            stubs.Server.Given(Request.Create().UsingGet().WithPath(path).WithParam("categetab__in", "246,247").WithParam("page", page.ToString(CultureInfo.InvariantCulture)))
                .AtPriority(1).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                    .WithBody(RegistryShapes.TabularPage(data, next, page, PageSize, rows.Count)));
        }
        return rows.Count;
    }

    private static async Task<int> LargeAsync(BenchmarkOptions options)
    {
        var unique = options.Int("unique", 1_000);
        var megabytes = options.Int("megabytes", 110);
        using var stub = new RechercheStub(limitPerSecond: null);
        var sirets = Enumerable.Range(0, unique).Select(_ => TestSirets.Next()).ToList();
        var cache = new MemoryFactsCache();
        await using var services = Build(stub, cache, azure: false, paceMs: 0);
        using var folder = new TempFolder();
        var rows = (int)(megabytes * 1024L * 1024 / 1_060);
        var file = SupplierFile(folder, "gros.csv", sirets, rows, commentLength: 1_000);
        Console.WriteLine($"file: {rows:N0} rows, {unique:N0} distinct SIRETs, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB");
        await services.GetRequiredService<LocalBulkRunner>().RunAsync(SupplierFile(folder, "warm.csv", sirets, unique, 0), folder.Path("warm-up"), null, CancellationToken.None);

        using var memory = new MemorySampler();
        var measured = Stopwatch.StartNew();
        var run = await services.GetRequiredService<LocalBulkRunner>().RunAsync(file, folder.Path("out"), null, CancellationToken.None);
        measured.Stop();
        Report(run.Job, measured.Elapsed, memory, 0);
        return run.Job.State == BulkJobState.Completed ? 0 : 1;
    }

    private static async Task<int> HostileAsync(BenchmarkOptions options)
    {
        var lastRow = options.Int("last-row", 1_000_000);
        var delimiters = options.Int("delimiters", 1_000_000);
        using var stub = new RechercheStub(limitPerSecond: null);
        var sirets = Enumerable.Range(0, 3).Select(_ => TestSirets.Next()).ToList();
        await using var services = Build(stub, new MemoryFactsCache(), azure: false, paceMs: 0);
        using var folder = new TempFolder();
        var runner = services.GetRequiredService<LocalBulkRunner>();
        await runner.RunAsync(SupplierFile(folder, "warm.csv", sirets, 3, 0), folder.Path("warm-up"), null, CancellationToken.None);

        var failed = 0;
        foreach (var (name, bytes) in new[]
                 {
                     ("creux.xlsx", HostileFiles.SparseXlsx(sirets, lastRow)),
                     ("cellules-vides.csv", HostileFiles.RowOfEmptyCells(sirets, delimiters)),
                 })
        {
            var path = folder.Path(name);
            await File.WriteAllBytesAsync(path, bytes);
            Console.WriteLine($"{name}: {bytes.Length:N0} bytes");
            using var memory = new MemorySampler();
            var measured = Stopwatch.StartNew();
            var run = await runner.RunAsync(path, folder.Path(name + "-out"), null, CancellationToken.None);
            measured.Stop();
            Report(run.Job, measured.Elapsed, memory, 0);
            if (run.Job.State != BulkJobState.Completed) failed++;
        }
        return failed == 0 ? 0 : 1;
    }

    internal static void Report(BulkJob job, TimeSpan elapsed, MemorySampler memory, long registryRequests)
    {
        Console.WriteLine($"job {job.State}: {job.RowsTotal:N0} rows ({job.UniqueItems:N0} distinct checks, {job.RowsInError:N0} in error) " +
                          $"in {elapsed.TotalSeconds:F1} s → {job.RowsTotal / elapsed.TotalSeconds:N0} rows/s");
        Console.WriteLine($"registry requests during the measured run: {registryRequests:N0}");
        Console.WriteLine($"memory during the run: peak working set {memory.PeakWorkingSet / 1024.0 / 1024.0:F0} MB, " +
                          $"peak managed heap {memory.PeakManaged / 1024.0 / 1024.0:F0} MB (sampled every 50 ms; process start {memory.Start / 1024.0 / 1024.0:F0} MB)");
    }

    /// <summary>The blob trigger's and the queue trigger's code (the functions only bind and call these), one consumer.</summary>
    private static async Task<BulkJob> RunOnAzuriteAsync(ServiceProvider services, byte[] bytes)
    {
        var input = new BlobContainerClient(Azurite.ConnectionString, BulkNames.InputContainer);
        await input.CreateIfNotExistsAsync();
        var blob = input.GetBlobClient($"benchmark-{Guid.NewGuid():N}.csv");
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);
        var queue = new QueueClient(Azurite.ConnectionString, BulkNames.WorkQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();

        var job = await services.GetRequiredService<BulkJobPlanner>().PlanAsync(BlobBulkInput.From(blob), CancellationToken.None);
        var dispatcher = services.GetRequiredService<BulkWorkDispatcher>();
        while ((await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } messages)
            foreach (var message in messages)
            {
                await dispatcher.HandleAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        return (await services.GetRequiredService<IBulkJobStore>().FindAsync(job.JobId, CancellationToken.None))!;
    }

    private static ServiceProvider Build(
        RechercheStub stub, IFactsCache? cache, bool azure, int paceMs, bool tableStorage = false, bool productionLimits = false, bool inseeKey = false)
    {
        var recherche = new RechercheEntreprisesOptions();
        var sirene = new SireneOptions();
        var overrides = new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:RequestsPerWindow"] = productionLimits ? recherche.RequestsPerWindow.ToString(CultureInfo.InvariantCulture) : "0",
            ["Registries:RechercheEntreprises:Window"] = recherche.Window.ToString("c", CultureInfo.InvariantCulture),
            ["Registries:Sirene:ApiKey"] = inseeKey ? RegistryStubs.SireneApiKey : null,
            ["Registries:Sirene:MinInterval"] = productionLimits ? sirene.MinInterval.ToString("c", CultureInfo.InvariantCulture) : "00:00:00",
            ["Registries:Sirene:RequestsPerWindow"] = productionLimits ? sirene.RequestsPerWindow.ToString(CultureInfo.InvariantCulture) : "0",
            ["Registries:Sirene:Window"] = sirene.Window.ToString("c", CultureInfo.InvariantCulture),
            ["Registries:Sirene:TotalTimeout"] = "00:01:00",
            ["Registries:Finess:MinInterval"] = productionLimits ? new EsusCheck.Registries.Finess.FinessOptions().MinInterval.ToString("c", CultureInfo.InvariantCulture) : "00:00:00",
            ["Registries:RechercheEntreprises:MinInterval"] = TimeSpan.FromMilliseconds(paceMs).ToString("c", CultureInfo.InvariantCulture),
            ["Registries:RechercheEntreprises:TotalTimeout"] = "00:00:30",
            ["Registries:RechercheEntreprises:RetryDelay"] = "00:00:01",
        };
        if (azure) overrides.WithBulkStorage("bench");
        var services = RegistryTestServices.Create(stub.Stubs, overrides: overrides);
        var configuration = (IConfiguration)services.Single(d => d.ServiceType == typeof(IConfiguration)).ImplementationInstance!;
        if (tableStorage) services.AddTableStorage(configuration);
        services.AddBulk(configuration);
        services.AddReferenceRefresh(configuration);
        if (azure) services.AddBulkStorage(configuration);
        if (cache is not null) services.AddSingleton<IFactsCache>(cache);
        return services.BuildServiceProvider();
    }

    /// <summary>Writes a French Excel export: « ; », Windows-1252, CRLF, « N° SIRET », « 1 234,56 ». Row i names SIRET
    /// i mod n. Streamed to the disk, so that building the file does not weigh on the memory figures.</summary>
    private static string SupplierFile(TempFolder folder, string name, IReadOnlyList<string> sirets, int rows, int commentLength)
    {
        var path = folder.Path(name);
        var comment = new string('c', commentLength);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        using var writer = new StreamWriter(path, false, TextEncodings.Windows1252, 1 << 16);
        writer.Write("Fournisseur;N° SIRET;Montant HT;Commentaire\r\n");
        for (var i = 0; i < rows; i++)
        {
            var siret = sirets[i % sirets.Count];
            writer.Write($"Fournisseur n°{i % sirets.Count};{siret};{(i % 9_000 + 12).ToString("N2", french).Replace('\u202F', ' ')};{comment}\r\n");
        }
        return path;
    }

    private static int BusiestSecond(List<DateTime> times)
    {
        var busiest = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1)) start++;
            busiest = Math.Max(busiest, end - start + 1);
        }
        return busiest;
    }

    /// <summary>The registries as <see cref="RegistryStubs"/> plays them, with Recherche d'entreprises answering every
    /// SIRET through one callback (one mapping per SIRET would not scale to 20,000), optionally enforcing a limit of
    /// requests per sliding second with 429 + Retry-After as the real one does.</summary>
    internal sealed class RechercheStub : IDisposable
    {
        private readonly int? _limit;
        private readonly Queue<DateTime> _window = new();
        private readonly ConcurrentBag<DateTime> _times = [];
        private int _requests;
        private int _rejected;

        public RechercheStub(int? limitPerSecond)
        {
            _limit = limitPerSecond;
            Stubs.Server.Given(Request.Create().UsingGet().WithPath("/search")).AtPriority(1)
                .RespondWith(Response.Create().WithCallback(request =>
                {
                    var now = DateTime.UtcNow;
                    Interlocked.Increment(ref _requests);
                    _times.Add(now);
                    lock (_window)
                    {
                        while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1)) _window.Dequeue();
                        if (_limit is { } limit && _window.Count >= limit)
                        {
                            Interlocked.Increment(ref _rejected);
                            return Json(429, RegistryShapes.RechercheError("Trop de requêtes"), retryAfter: true);
                        }
                        _window.Enqueue(now);
                    }
                    var siret = request.Query!["q"][0];
                    return Json(200, RegistryShapes.RechercheResult(siret, CompanyFor(siret)), retryAfter: false);
                }));
        }

        public RegistryStubs Stubs { get; } = new();
        public int Requests => _requests;
        public int Rejected => _rejected;
        public IEnumerable<DateTime> Times => _times;

        public static StubCompany CompanyFor(string siret) => (siret[^2] - '0') switch
        {
            0 or 1 or 2 => new StubCompany { LegalForm = "9220", EstEss = true, TypeSiae = "ACI" },
            3 => new StubCompany { LegalForm = "5458", EstEss = true },
            4 => new StubCompany { LegalForm = "9220", EstEss = true, TypeSiae = "ESAT" },
            _ => new StubCompany { LegalForm = "5710" },
        };

        public static WireMock.ResponseMessage Json(int status, string body, bool retryAfter)
        {
            var response = new WireMock.ResponseMessage
            {
                StatusCode = status,
                BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String, Encoding = Encoding.UTF8 },
            };
            response.AddHeader("Content-Type", "application/json");
            if (retryAfter) response.AddHeader("Retry-After", "1");
            return response;
        }

        public void Dispose() => Stubs.Dispose();
    }

    /// <summary>INSEE's multi-SIRET search, any SIRET found (but one in <c>missingEvery</c>), enforcing a number of
    /// requests per sliding minute with 429 beyond, as the free plan does.</summary>
    private sealed class InseeStub
    {
        private readonly Queue<DateTime> _window = new();
        private int _calls;
        private int _rejected;

        public InseeStub(RegistryStubs stubs, int perMinute, int missingEvery)
        {
            stubs.Server.Given(Request.Create().UsingPost().WithPath(RegistryStubs.SirenePath + "/siret")).AtPriority(1)
                .RespondWith(Response.Create().WithCallback(request =>
                {
                    var now = DateTime.UtcNow;
                    Interlocked.Increment(ref _calls);
                    lock (_window)
                    {
                        while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromMinutes(1)) _window.Dequeue();
                        if (_window.Count >= perMinute)
                        {
                            Interlocked.Increment(ref _rejected);
                            return RechercheStub.Json(429, """{"header":{"statut":429,"message":"Too Many Requests"}}""", retryAfter: true);
                        }
                        _window.Enqueue(now);
                    }
                    var q = Uri.UnescapeDataString(request.Body!.Split('&').First(p => p.StartsWith("q=", StringComparison.Ordinal))[2..].Replace('+', ' '));
                    var found = q[(q.IndexOf('(') + 1)..q.LastIndexOf(')')].Split(" OR ")
                        .Where(siret => int.Parse(siret[..8], CultureInfo.InvariantCulture) % missingEvery != 0)
                        .Select(siret => (siret, RechercheStub.CompanyFor(siret))).ToList();
                    return RechercheStub.Json(200, RegistryShapes.SireneSearch(found), retryAfter: false);
                }));
        }

        public int Calls => _calls;
        public int Rejected => _rejected;
    }

    /// <summary>A warm cache: what each source said, per SIRET, kept in memory (the deployed cache is Table Storage).</summary>
    internal sealed class MemoryFactsCache : IFactsCache
    {
        private readonly ConcurrentDictionary<(string Source, string Siret), Task<SourceFacts>> _facts = new();

        public Task<SourceFacts> GetOrFetchAsync(IRegistrySource source, Siret siret, bool refresh, CancellationToken cancellationToken) =>
            _facts.GetOrAdd((source.Name, siret.Value), _ => source.FetchAsync(siret, cancellationToken));
    }

    /// <summary>Samples the process's working set and managed heap while a scenario runs.</summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;

        public MemorySampler()
        {
            GC.Collect();
            Start = Process.GetCurrentProcess().WorkingSet64;
            _timer = new Timer(_ => Sample(), null, 0, 50);
        }

        public long Start { get; }
        public long PeakWorkingSet { get; private set; }
        public long PeakManaged { get; private set; }

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
            PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
        }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }
    }

    internal sealed class TempFolder : IDisposable
    {
        private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "esuscheck-bench-" + Guid.NewGuid().ToString("N")[..8]);

        public TempFolder() => Directory.CreateDirectory(_root);

        public string Path(string name) => System.IO.Path.Combine(_root, name);

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
