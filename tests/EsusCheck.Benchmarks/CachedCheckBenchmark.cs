using System.Diagnostics;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage;
using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Benchmarks;

/// <summary>Cached checks through the real <see cref="EligibilityService"/>: registry clients pointed at WireMock (only
/// asked while warming up), Table Storage cache, ESUS list table and audit log on Azurite. Measures the latency of one
/// check at a time, then the throughput of concurrent checks; once with the audit log in Table Storage (as deployed)
/// and once with it in memory, to show what the audit row costs.</summary>
public static class CachedCheckBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchmarkOptions(args);
        var siretCount = options.Int("sirets", 200);
        var iterations = options.Int("iterations", 2000);
        var concurrencies = options.Ints("concurrency", 8, 32);
        var perWorker = options.Int("per-worker", 100);

        Console.WriteLine($"cached-check: {siretCount} SIRETs, {iterations} sequential checks, concurrency {string.Join("/", concurrencies)} × {perWorker} checks");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");

        using var stubs = new RegistryStubs();
        var sirets = Enumerable.Range(0, siretCount).Select(_ => TestSirets.Next()).ToList();
        foreach (var (siret, i) in sirets.Select((s, i) => (s, i)))
        {
            stubs.RechercheFound(siret, new StubCompany { LegalForm = i % 2 == 0 ? "9220" : "5710", TypeSiae = i % 5 == 0 ? "ACI" : null });
            if (i % 5 == 0) stubs.MarcheFound(siret, ("ACI", true));
        }

        foreach (var audit in new[] { "memory", "table" })
        {
            Console.WriteLine();
            Console.WriteLine($"== audit log in {audit}");
            await using var services = Build(stubs, tableAudit: audit == "table");
            var service = services.GetRequiredService<EligibilityService>();
            await ImportEsusListAsync(services.GetRequiredService<IEsusListStore>(), sirets);

            var warm = Stopwatch.StartNew();
            foreach (var siret in sirets) await CheckAsync(service, siret);
            Console.WriteLine($"warm-up (cold checks, WireMock registries): {siretCount} in {warm.Elapsed.TotalSeconds:F1} s");
            var upstreamBefore = stubs.Server.LogEntries.Count();

            var sequential = new List<double>(iterations);
            for (var i = 0; i < iterations; i++) sequential.Add(await TimedCheckAsync(service, sirets[i % sirets.Count]));
            Console.WriteLine($"sequential: {new LatencyStats(sequential).Summary()}  throughput={1000 / sequential.Average():F0} checks/s");

            foreach (var concurrency in concurrencies)
            {
                var latencies = new double[concurrency][];
                var wall = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
                {
                    var own = new double[perWorker];
                    for (var i = 0; i < perWorker; i++) own[i] = await TimedCheckAsync(service, sirets[(worker * 7919 + i) % sirets.Count]);
                    latencies[worker] = own;
                })));
                wall.Stop();
                var all = latencies.SelectMany(l => l).ToList();
                Console.WriteLine($"concurrency {concurrency}: {new LatencyStats(all).Summary()}  throughput={all.Count / wall.Elapsed.TotalSeconds:F0} checks/s");
            }

            var upstream = stubs.Server.LogEntries.Count() - upstreamBefore;
            Console.WriteLine($"registry requests during the measured checks: {upstream} (0 expected: every check served from the cache)");
            if (upstream != 0) return 1;
        }
        return 0;
    }

    private static ServiceProvider Build(RegistryStubs stubs, bool tableAudit)
    {
        var storage = new ConfigurationBuilder().AddInMemoryCollection(StorageSettings.For("bench")).Build();
        var services = RegistryTestServices.Create(stubs, marcheToken: true);
        services.AddTableStorage(storage);
        if (!tableAudit) services.AddSingleton<ICheckAuditLog, InMemoryCheckAuditLog>();
        return services.BuildServiceProvider();
    }

    /// <summary>A list the size of the real one (about 3,000 SIRENs), holding one benchmark SIREN in ten.</summary>
    private static Task ImportEsusListAsync(IEsusListStore store, IReadOnlyList<string> sirets)
    {
        var entries = sirets.Where((_, i) => i % 10 == 0).Select(s => s[..9])
            .Concat(Enumerable.Range(0, 3000).Select(i => (700_000_000 + i * 97).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(siren => new EsusListEntry(IdentifierParser.ParseSiren(siren).Value!.Value, "STRUCTURE " + siren, new DateOnly(2024, 5, 1)))
            .ToList();
        return store.ReplaceAsync(new EsusListInfo(new DateOnly(2026, 7, 1), entries.Count, DateTimeOffset.UtcNow, "benchmark"), entries, CancellationToken.None);
    }

    private static async Task<double> TimedCheckAsync(EligibilityService service, string siret)
    {
        var start = Stopwatch.GetTimestamp();
        await CheckAsync(service, siret);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task CheckAsync(EligibilityService service, string siret)
    {
        var outcome = await service.CheckAsync(new CheckRequest(siret));
        if (!outcome.Succeeded) throw new InvalidOperationException($"Check of {siret} failed: {outcome.Failure!.Detail}");
    }
}
