namespace EsusCheck.Bulk.Processing;

/// <summary>Job state, chunks and per-check checkpoints. Table Storage in Azure, memory in the CLI.</summary>
public interface IBulkJobStore
{
    Task<BulkJob?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Inserts the job unless one with the same id exists; returns the stored one either way.</summary>
    Task<BulkJob> AddOrGetAsync(BulkJob job, CancellationToken cancellationToken);

    /// <summary>Read-modify-write under optimistic concurrency, retried on conflict. <paramref name="change"/> returns
    /// null to leave the job as it is. Returns the stored job, or null when there is none.</summary>
    Task<BulkJob?> UpdateAsync(string jobId, Func<BulkJob, BulkJob?> change, CancellationToken cancellationToken);

    /// <summary>Inserts the chunks that do not exist yet; an existing chunk of the same attempt (maybe done) is left
    /// untouched, one of an earlier attempt is replaced.</summary>
    Task AddChunksAsync(string jobId, IReadOnlyList<BulkChunk> chunks, CancellationToken cancellationToken);

    Task<BulkChunk?> GetChunkAsync(string jobId, int index, CancellationToken cancellationToken);

    /// <summary>The checkpoint: results of part of a chunk, written as they come.</summary>
    Task SaveResultsAsync(string jobId, int chunkIndex, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken);

    Task<IReadOnlyList<BulkItemResult>> GetChunkResultsAsync(string jobId, int chunkIndex, CancellationToken cancellationToken);

    IAsyncEnumerable<BulkItemResult> GetAllResultsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Jobs not completed nor failed whose last change is older than <paramref name="updatedBefore"/>.</summary>
    IAsyncEnumerable<BulkJob> FindUnfinishedAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken);

    /// <summary>Marks the chunk done and applies <paramref name="change"/> to the job in one atomic step. Returns the
    /// updated job, or null when the chunk was already done (a re-delivered message) or does not exist.</summary>
    Task<BulkJob?> CompleteChunkAsync(string jobId, int index, bool failed, Func<BulkJob, BulkJob> change, CancellationToken cancellationToken);
}
