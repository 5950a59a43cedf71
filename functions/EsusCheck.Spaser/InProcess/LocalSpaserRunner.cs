using System.Text.Json;
using EsusCheck.Bulk;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Application;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Output;
using EsusCheck.Spaser.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Spaser.InProcess;

public sealed record LocalSpaserRun(BulkJob Job, SpaserSummary? Summary, string OutputDirectory);

/// <summary>Runs a SPASER job inside one process, for <c>esuscheck spaser</c>: the same planner, bulk chunk
/// processor, dispatcher and job kind as the function app, with job state in memory, files on disk and the queue
/// drained in place.</summary>
public sealed class LocalSpaserRunner(
    EligibilityService service, FactsPrefetcher prefetcher, IOptions<BulkOptions> options, TimeProvider clock, ILoggerFactory loggers)
{
    public async Task<LocalSpaserRun> RunAsync(
        string inputPath, SpaserFilter filter, string outputDirectory, IProgress<BulkProgress>? progress, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(inputPath);
        var store = new InMemoryBulkJobStore();
        var queue = new InMemoryBulkWorkQueue(clock);
        var files = new LocalBulkFileStore(outputDirectory);
        var inputs = new LocalSpaserInputStore();
        var bulkWriter = new BulkResultWriter(new SupplierFileReader(options.Value), files, options, clock);
        var prefetch = new BulkPrefetchProcessor(store, queue, prefetcher, clock, loggers.CreateLogger<BulkPrefetchProcessor>());
        var bulkPlanner = new BulkJobPlanner(store, queue, new SupplierFileReader(options.Value), bulkWriter, prefetch, options, clock,
            loggers.CreateLogger<BulkJobPlanner>());
        var reader = new DecpReader(options.Value);
        var writer = new SpaserReportWriter(reader, files, options, clock);
        var planner = new SpaserJobPlanner(bulkPlanner, store, reader, writer, options, loggers.CreateLogger<SpaserJobPlanner>());
        var kind = new SpaserJobKind(store, inputs, writer, planner, clock, loggers.CreateLogger<SpaserJobKind>());
        var chunks = new BulkChunkProcessor(store, queue, service, options, clock, loggers.CreateLogger<BulkChunkProcessor>());
        var finalizer = new BulkJobFinalizer(store, bulkWriter, clock, loggers.CreateLogger<BulkJobFinalizer>());
        var dispatcher = new BulkWorkDispatcher(chunks, prefetch, finalizer, bulkPlanner, store, [kind], options, loggers.CreateLogger<BulkWorkDispatcher>());

        progress?.Report(new BulkProgress(BulkJobState.Planning, 0, 0));
        var job = await planner.PlanAsync(new BulkInputFile(path, token => inputs.OpenAsync(path, token)), filter, cancellationToken);
        job = await queue.RunToEndAsync(job, store, dispatcher, options.Value.MaxAttempts, progress, cancellationToken);
        var summaryPath = Path.Combine(outputDirectory, OutputNames.Summary);
        SpaserSummary? summary = null;
        if (File.Exists(summaryPath))
        {
            await using var file = File.OpenRead(summaryPath);
            summary = await JsonSerializer.DeserializeAsync<SpaserSummary>(file, SpaserReportWriter.Json, cancellationToken);
        }
        return new LocalSpaserRun(job, summary, outputDirectory);
    }

    /// <summary>Input files read from the disk: their full path is their name.</summary>
    private sealed class LocalSpaserInputStore : ISpaserInputStore
    {
        public Task<Stream> OpenAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));

        public Task StoreAsync(string name, Stream content, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A local run reads the file where it is.");
    }
}
