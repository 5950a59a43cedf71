using System.Text.Json;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk.InProcess;

/// <summary>Progress of a local run, in rows, and of its batched prefetch, in SIRETs (0 of 0 when there is none).</summary>
public sealed record BulkProgress(BulkJobState State, long RowsDone, long RowsTotal, int PrefetchDone = 0, int PrefetchTotal = 0);

public sealed record LocalBulkRun(BulkJob Job, BulkSummary? Summary, string OutputDirectory);

/// <summary>Runs the same pipeline as the functions (planner, chunk processor, finalizer, dispatcher) inside one
/// process, for <c>esuscheck bulk</c>: job state in memory, files on disk, the queue drained in place.</summary>
public sealed class LocalBulkRunner(
    EligibilityService service, FactsPrefetcher prefetcher, IOptions<BulkOptions> options, TimeProvider clock, ILoggerFactory loggers)
{
    public async Task<LocalBulkRun> RunAsync(
        string inputPath, string outputDirectory, IProgress<BulkProgress>? progress, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(inputPath);
        var store = new InMemoryBulkJobStore();
        var queue = new InMemoryBulkWorkQueue(clock);
        var files = new LocalBulkFileStore(outputDirectory);
        var reader = new SupplierFileReader(options.Value);
        var writer = new BulkResultWriter(reader, files, options, clock);
        var prefetch = new BulkPrefetchProcessor(store, queue, prefetcher, clock, loggers.CreateLogger<BulkPrefetchProcessor>());
        var planner = new BulkJobPlanner(store, queue, reader, writer, prefetch, options, clock, loggers.CreateLogger<BulkJobPlanner>());
        var chunks = new BulkChunkProcessor(store, queue, service, options, clock, loggers.CreateLogger<BulkChunkProcessor>());
        var finalizer = new BulkJobFinalizer(store, writer, clock, loggers.CreateLogger<BulkJobFinalizer>());
        var dispatcher = new BulkWorkDispatcher(chunks, prefetch, finalizer, planner, store, [], options, loggers.CreateLogger<BulkWorkDispatcher>());

        progress?.Report(new BulkProgress(BulkJobState.Planning, 0, 0));
        var job = await planner.PlanAsync(new BulkInputFile(path, _ => files.OpenInputAsync(path, cancellationToken)), cancellationToken);
        job = await queue.RunToEndAsync(job, store, dispatcher, options.Value.MaxAttempts, progress, cancellationToken);
        return new LocalBulkRun(job, await ReadSummaryAsync(outputDirectory, cancellationToken), outputDirectory);
    }

    private static async Task<BulkSummary?> ReadSummaryAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, OutputNames.Summary);
        if (!File.Exists(path)) return null;
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BulkSummary>(file, BulkSummary.Json, cancellationToken);
    }
}
