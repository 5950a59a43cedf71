using EsusCheck.Bulk.Reading;

namespace EsusCheck.Bulk.Processing;

/// <summary>A kind of job that rides on the bulk pipeline — its checks are planned as chunks, run by
/// <see cref="BulkChunkProcessor"/> and checkpointed like a supplier file's — but reads its input and writes its
/// results its own way. <see cref="BulkWorkDispatcher"/> hands it the finalize step of the jobs whose
/// <see cref="BulkJob.Kind"/> is its <see cref="Kind"/>.</summary>
public interface IBulkJobKind
{
    string Kind { get; }

    /// <summary>Every chunk is done: write the results and complete the job (idempotent).</summary>
    Task FinalizeAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The results could not be written after every retry: fail the job with a summary saying why.</summary>
    Task FailAsync(string jobId, BulkFileError error, CancellationToken cancellationToken);
}
