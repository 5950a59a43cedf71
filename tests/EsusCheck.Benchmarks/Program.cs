using EsusCheck.Benchmarks;

// One entry per benchmark; run: dotnet run -c Release --project tests/EsusCheck.Benchmarks -- <name> [options]
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["cached-check"] = CachedCheckBenchmark.RunAsync,
    ["bulk"] = BulkBenchmark.RunAsync,
    ["spaser"] = SpaserBenchmark.RunAsync,
    // Not a benchmark: the registry stub the documented example outputs are captured against.
    ["docs-stub"] = DocsStub.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.WriteLine("Usage: EsusCheck.Benchmarks <benchmark> [options]   (see docs/benchmarks.md)");
    Console.WriteLine("Benchmarks: " + string.Join(", ", benchmarks.Keys));
    return 2;
}
return await run(args[1..]);
