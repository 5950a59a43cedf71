using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;
using EsusCheck.Core.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Processing;

/// <summary>What reading a job's input found: the rows (or checks) in it, those settled without a check (and in
/// error), the distinct checks to run, the first errors and the notes.</summary>
public sealed record BulkPlan(
    BulkFileShape Shape, long Rows, long RowsSettled, long RowsInError, IReadOnlyList<BulkItem> Items,
    IReadOnlyList<BulkRowError> Errors, IReadOnlyList<string> Notes);

/// <summary>First step of a job (the blob trigger): hash the content, recognise a re-upload, read every row,
/// deduplicate the checks, write the job and its chunks, enqueue them. Safe to run twice on the same file.</summary>
public sealed class BulkJobPlanner(
    IBulkJobStore store,
    IBulkWorkQueue queue,
    SupplierFileReader reader,
    BulkResultWriter writer,
    BulkPrefetchProcessor prefetch,
    IOptions<BulkOptions> options,
    TimeProvider clock,
    ILogger<BulkJobPlanner> logger)
{
    public async Task<BulkJob> PlanAsync(BulkInputFile input, CancellationToken cancellationToken)
    {
        ContentProbe probe;
        await using (var stream = await input.OpenAsync(cancellationToken))
            probe = await ContentProbe.ReadAsync(stream, cancellationToken);
        var (job, plan) = await StartAsync(input, probe, BulkJobId.FromSha256(probe.Sha256), kind: null, kindOptions: null, cancellationToken);
        if (!plan) return job;

        BulkPlan read;
        try
        {
            if (probe.Error is { } refused) throw new BulkFileException(refused);
            read = await ReadAsync(input, probe, cancellationToken);
        }
        catch (BulkFileException ex)
        {
            logger.LogWarning("Bulk job {JobId} refused: {Code}", job.JobId, ex.Error.Code);
            return await FailAsync(job.JobId, ex.Error, cancellationToken);
        }
        return await ScheduleAsync(job, read, cancellationToken);
    }

    /// <summary>Creates the job of this content (or finds it) and marks it « planning ». False when the content was
    /// recognised: a job past planning exists, the upload is only noted.</summary>
    public async Task<(BulkJob Job, bool Plan)> StartAsync(
        BulkInputFile input, ContentProbe probe, string jobId, string? kind, string? kindOptions, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var job = await store.AddOrGetAsync(new BulkJob
        {
            JobId = jobId,
            Kind = kind,
            KindOptions = kindOptions,
            State = BulkJobState.Received,
            InputName = input.Name,
            ContentSha256 = probe.Sha256,
            ContentLength = probe.Length,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);

        // The messages tell buyers to upload a file again when it failed: that starts a new attempt.
        if (job.State == BulkJobState.Failed)
            job = await store.UpdateAsync(jobId, j => j.State == BulkJobState.Failed ? j.Restarted(input.Name, now) : null, cancellationToken) ?? job;

        if (job.State is not (BulkJobState.Received or BulkJobState.Planning))
        {
            logger.LogInformation("Bulk file {Input} has the content of job {JobId} ({State}): recognised, not processed again",
                input.Name, jobId, job.State);
            return (await store.UpdateAsync(jobId, j => j.InputName == input.Name || j.AlsoUploadedAs.Contains(input.Name)
                ? null
                : j with { AlsoUploadedAs = [.. j.AlsoUploadedAs, input.Name], UpdatedAt = now }, cancellationToken) ?? job, false);
        }

        job = await store.UpdateAsync(jobId, j => j.State is BulkJobState.Received or BulkJobState.Planning
            ? j with { State = BulkJobState.Planning, ContentSha256 = probe.Sha256, ContentLength = probe.Length, UpdatedAt = now }
            : null, cancellationToken) ?? job;
        return (job, true);
    }

    /// <summary>Writes the chunks of the distinct checks, records what planning counted, and sends one prefetch message
    /// per batch of distinct SIRETs when a batch registry is configured (the chunk messages follow once the prefetch is
    /// done), else one message per chunk (a finalize message when there is nothing to check). Safe to run again:
    /// existing chunks are kept. Every kind of job (supplier files, SPASER) schedules its checks here, so every kind
    /// gets the prefetch.</summary>
    public async Task<BulkJob> ScheduleAsync(BulkJob job, BulkPlan plan, CancellationToken cancellationToken)
    {
        var jobId = job.JobId;
        var chunks = plan.Items.Chunk(Math.Max(1, options.Value.ChunkSize))
            .Select((items, index) => new BulkChunk(jobId, index, items, Attempt: job.Attempt))
            .ToList();
        await store.AddChunksAsync(jobId, chunks, cancellationToken);
        // After deduplication, before any check: the batches of the prefetch, when a batch registry is configured.
        var prefetches = prefetch.Plan(jobId, plan.Items);
        await store.UpdateAsync(jobId, j => j with
        {
            PrefetchTotal = prefetches.Count,
            PrefetchSirets = prefetches.Sum(m => m.Sirets!.Count),
            Shape = plan.Shape,
            Planned = true,
            RowsTotal = plan.Rows,
            PlannedRowsSettled = plan.RowsSettled,
            PlannedRowsInError = plan.RowsInError,
            UniqueItems = plan.Items.Count,
            ChunksTotal = chunks.Count,
            Notes = [.. j.Notes.Where(n => n.StartsWith("Nouvelle tentative", StringComparison.Ordinal)), .. plan.Notes],
            ErrorSample = plan.Errors.Concat(j.ErrorSample).Distinct().Take(BulkJob.ErrorSampleSize).ToList(),
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);

        // Messages go out before the state says « processing »: a crash in between leaves the job « planning », so
        // the retried trigger plans again (chunks already there are kept, duplicate messages are harmless).
        foreach (var message in prefetches) await queue.EnqueueAsync(message, null, cancellationToken);
        if (prefetches.Count == 0) await EnqueueChunksAsync(queue, jobId, chunks.Count, cancellationToken);
        if (chunks.Count == 0) await queue.EnqueueAsync(BulkWorkMessage.ForFinalize(jobId), null, cancellationToken);

        logger.LogInformation("Bulk job {JobId}: {Rows} rows, {Items} distinct checks in {Chunks} chunks",
            jobId, plan.Rows, plan.Items.Count, chunks.Count);
        return await store.UpdateAsync(jobId, j => j.State == BulkJobState.Planning
            ? j with { State = j.AllChunksDone && chunks.Count > 0 ? BulkJobState.Finalizing : BulkJobState.Processing, UpdatedAt = clock.GetUtcNow() }
            : null, cancellationToken) ?? job;
    }

    public static async Task EnqueueChunksAsync(IBulkWorkQueue queue, string jobId, int chunks, CancellationToken cancellationToken)
    {
        for (var index = 0; index < chunks; index++)
            await queue.EnqueueAsync(BulkWorkMessage.ForChunk(jobId, index), null, cancellationToken);
    }

    /// <param name="onlyIf">fails the job only if it still satisfies this (the watchdog: only if it has not moved)</param>
    public Task<BulkJob> FailAsync(string jobId, BulkFileError error, CancellationToken cancellationToken, Func<BulkJob, bool>? onlyIf = null) =>
        FailAsync(jobId, error, job => writer.WriteFailureAsync(job, error, cancellationToken), cancellationToken, onlyIf);

    /// <summary>Fails the job (once) and has <paramref name="writeSummary"/> write the <c>summary.json</c> saying why.</summary>
    public async Task<BulkJob> FailAsync(
        string jobId, BulkFileError error, Func<BulkJob, Task<BulkOutputLink>> writeSummary, CancellationToken cancellationToken,
        Func<BulkJob, bool>? onlyIf = null)
    {
        var failed = await store.UpdateAsync(jobId, j => j.IsFinished || onlyIf?.Invoke(j) == false
            ? null
            : j with { State = BulkJobState.Failed, Error = error, CompletedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() },
            cancellationToken);
        if (failed is null) throw new InvalidOperationException($"Bulk job {jobId} vanished.");
        if (failed.Error == error && failed.Outputs is null)
        {
            var summary = await writeSummary(failed);
            failed = await store.UpdateAsync(jobId, j => j with { Outputs = new BulkOutputs(summary, null, summary) }, cancellationToken) ?? failed;
        }
        return failed;
    }


    private sealed class Counter(string identifier, string? cpv)
    {
        public int Rows;

        public BulkItem ToItem() => new(identifier, cpv, Rows);
    }

    private async Task<BulkPlan> ReadAsync(BulkInputFile input, ContentProbe probe, CancellationToken cancellationToken)
    {
        await using var file = await reader.OpenAsync(await input.OpenAsync(cancellationToken), probe, cancellationToken);
        var interpreter = new SupplierLineInterpreter(file.Layout, options.Value);
        var counters = new Dictionary<string, Counter>();
        var order = new List<Counter>();
        var errors = new List<BulkRowError>();
        long rows = 0, settled = 0, inError = 0;
        var width = file.Layout.Header.Count;

        await foreach (var row in file.Rows.WithCancellation(cancellationToken))
        {
            width = Math.Max(width, row.Cells.Count);
            if (row.Kind != SourceRowKind.Data) continue;
            var line = interpreter.Interpret(row);
            if (line.IsTotalLine) continue;
            if (++rows > options.Value.MaxRows)
                throw new BulkFileException(new(BulkFileError.Codes.TooManyRows,
                    $"Le fichier compte plus de {FrenchText.Number(options.Value.MaxRows)} lignes, la limite d'un traitement : " +
                    "découpez-le en plusieurs fichiers."));
            if (line.Error is { } error)
            {
                settled++;
                inError++;
                if (errors.Count < BulkJob.ErrorSampleSize) errors.Add(error);
                continue;
            }
            var key = line.ItemKey!;
            if (!counters.TryGetValue(key, out var counter))
            {
                if (counters.Count >= options.Value.MaxUniqueSuppliers)
                    throw new BulkFileException(new(BulkFileError.Codes.TooManySuppliers,
                        $"Le fichier compte plus de {FrenchText.Number(options.Value.MaxUniqueSuppliers)} fournisseurs distincts, la limite " +
                        "d'un traitement : découpez-le en plusieurs fichiers."));
                counters[key] = counter = new Counter(line.Identifier!, line.Cpv);
                order.Add(counter);
            }
            counter.Rows++;
        }

        var notes = file.Layout.Notes.ToList();
        if (file.BlankLines > 0) notes.Add($"{FrenchText.Number(file.BlankLines)} ligne(s) vide(s) ignorée(s).");
        if (rows == 0) notes.Add("Le fichier ne contient aucune ligne de données sous l'en-tête.");
        var shape = new BulkFileShape(probe.Format, probe.Encoding, width);
        return new BulkPlan(shape, rows, settled, inError, order.Select(c => c.ToItem()).ToList(), errors, notes);
    }
}
