using Microsoft.Extensions.Azure;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Bulk;

/// <summary>Job state, chunks and checkpoints in Table Storage, one partition per job. Every change to the job row
/// is a read-modify-write under its ETag, retried on conflict; a chunk's completion and the job's counters change in
/// one entity-group transaction, so a re-delivered message can never count a chunk twice.</summary>
public sealed class TableBulkJobStore(IAzureClientFactory<TableServiceClient> tables, IOptions<BulkOptions> options, IOptions<StorageOptions> storage) : IBulkJobStore
{
    private const int MaxConflictRetries = 50;

    private readonly CreatedOnFirstUse<TableClient> _table = CreatedOnFirstUse.Table(
        () => tables.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetTableClient(options.Value.JobsTable), storage.Value.CreateTables);

    public async Task<BulkJob?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(jobId, BulkEntities.JobRow, cancellationToken: cancellationToken);
        return entity.HasValue ? BulkEntities.ToJob(entity.Value!) : null;
    }

    public async Task<BulkJob> AddOrGetAsync(BulkJob job, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(BulkEntities.ToEntity(job), cancellationToken);
            return job;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return await FindAsync(job.JobId, cancellationToken) ?? job;
        }
    }

    public async Task<BulkJob?> UpdateAsync(string jobId, Func<BulkJob, BulkJob?> change, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(jobId, BulkEntities.JobRow, cancellationToken: cancellationToken);
            if (!stored.HasValue) return null;
            var job = BulkEntities.ToJob(stored.Value!);
            if (change(job) is not { } changed) return job;
            try
            {
                await table.UpdateEntityAsync(BulkEntities.ToEntity(changed), stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed && attempt < MaxConflictRetries)
            {
                await Backoff(attempt, cancellationToken);
            }
        }
    }

    public async Task AddChunksAsync(string jobId, IReadOnlyList<BulkChunk> chunks, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var batch in chunks.Chunk(TableBatches.MaxActions))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    batch.Select(c => new TableTransactionAction(TableTransactionActionType.Add, BulkEntities.ToEntity(c))), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                // Planned before (a retried trigger): keep the chunks of this attempt that exist, maybe done, add the
                // others; those of an earlier attempt (a failed job started again) are replaced.
                foreach (var chunk in batch)
                {
                    try
                    {
                        await table.AddEntityAsync(BulkEntities.ToEntity(chunk), cancellationToken);
                    }
                    catch (RequestFailedException conflict) when (conflict.Status == (int)HttpStatusCode.Conflict)
                    {
                        var existing = await table.GetEntityAsync<TableEntity>(jobId, BulkEntities.ChunkRow(chunk.Index), cancellationToken: cancellationToken);
                        if ((existing.Value.GetInt32("Attempt") ?? 1) < chunk.Attempt)
                            await table.UpdateEntityAsync(BulkEntities.ToEntity(chunk), existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    }
                }
            }
        }
    }

    public async Task<BulkChunk?> GetChunkAsync(string jobId, int index, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(jobId, BulkEntities.ChunkRow(index), cancellationToken: cancellationToken);
        return entity.HasValue ? BulkEntities.ToChunk(jobId, index, entity.Value!) : null;
    }

    public async Task SaveResultsAsync(string jobId, int chunkIndex, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await TableBatches.SubmitAsync(table, results.DistinctBy(r => r.Key).Select(r => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, BulkEntities.ToEntity(jobId, chunkIndex, r))), cancellationToken);
    }

    public async Task<IReadOnlyList<BulkItemResult>> GetChunkResultsAsync(string jobId, int chunkIndex, CancellationToken cancellationToken)
    {
        var results = new List<BulkItemResult>();
        await foreach (var result in QueryResultsAsync(jobId, BulkEntities.ResultPrefix(chunkIndex), cancellationToken)) results.Add(result);
        return results;
    }

    public IAsyncEnumerable<BulkItemResult> GetAllResultsAsync(string jobId, CancellationToken cancellationToken) =>
        QueryResultsAsync(jobId, "result-", cancellationToken);

    public async IAsyncEnumerable<BulkJob> FindUnfinishedAsync(DateTimeOffset updatedBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {BulkEntities.JobRow} and State ne {nameof(BulkJobState.Completed)} and State ne {nameof(BulkJobState.Failed)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            if (BulkEntities.ToJob(entity) is { } job && job.UpdatedAt < updatedBefore)
                yield return job;
    }

    public async Task<BulkJob?> CompleteChunkAsync(string jobId, int index, bool failed, Func<BulkJob, BulkJob> change, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var chunkEntity = await table.GetEntityIfExistsAsync<TableEntity>(jobId, BulkEntities.ChunkRow(index), cancellationToken: cancellationToken);
            var jobEntity = await table.GetEntityIfExistsAsync<TableEntity>(jobId, BulkEntities.JobRow, cancellationToken: cancellationToken);
            if (!chunkEntity.HasValue || !jobEntity.HasValue || chunkEntity.Value!.GetBoolean("Done") == true) return null;

            var changed = change(BulkEntities.ToJob(jobEntity.Value!));
            var chunk = chunkEntity.Value!;
            chunk["Done"] = true;
            chunk["Failed"] = failed;
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, chunk, chunk.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, BulkEntities.ToEntity(changed), jobEntity.Value!.ETag),
                ], cancellationToken);
                return changed;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed && attempt < MaxConflictRetries)
            {
                await Backoff(attempt, cancellationToken);
            }
        }
    }

    private async IAsyncEnumerable<BulkItemResult> QueryResultsAsync(
        string jobId, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {jobId} and RowKey ge {prefix} and RowKey lt {upper}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Data"], cancellationToken: cancellationToken))
            yield return BulkEntities.ToResult(entity);
    }

    /// <summary>Concurrent chunk completions of one job contend on its row: a short randomised pause spreads them.</summary>
    private static Task Backoff(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 10 * Math.Min(attempt, 10))), cancellationToken);
}
