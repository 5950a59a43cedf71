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

    /// <summary>Inserts the chunks that do not exist yet; an existing chunk (maybe done) is left untouched.</summary>
    Task AddChunksAsync(string jobId, IReadOnlyList<BulkChunk> chunks, CancellationToken cancellationToken);

    Task<BulkChunk?> GetChunkAsync(string jobId, int index, CancellationToken cancellationToken);

    /// <summary>The checkpoint: results of part of a chunk, written as they come.</summary>
    Task SaveResultsAsync(string jobId, int chunkIndex, IReadOnlyList<BulkItemResult> results, CancellationToken cancellationToken);

    Task<IReadOnlyList<BulkItemResult>> GetChunkResultsAsync(string jobId, int chunkIndex, CancellationToken cancellationToken);

    IAsyncEnumerable<BulkItemResult> GetAllResultsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Marks the chunk done and applies <paramref name="change"/> to the job in one atomic step. Returns the
    /// updated job, or null when the chunk was already done (a re-delivered message) or does not exist.</summary>
    Task<BulkJob?> CompleteChunkAsync(string jobId, int index, bool failed, Func<BulkJob, BulkJob> change, CancellationToken cancellationToken);
}

/// <summary>Where input files are read and results written: blob containers in Azure, a folder in the CLI.</summary>
public interface IBulkFileStore
{
    Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken);

    Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken);

    Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A result file written by <see cref="SaveOutputAsync"/>, or null when there is none by that name.</summary>
    Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken);
}

/// <summary>The work queue: chunk and finalize messages, optionally delayed.</summary>
public interface IBulkWorkQueue
{
    Task EnqueueAsync(BulkWorkMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}

/// <summary>An input file the planner reads twice (hash, then rows): something that opens a fresh stream.</summary>
public sealed record BulkInputFile(string Name, Func<CancellationToken, Task<Stream>> OpenAsync);
