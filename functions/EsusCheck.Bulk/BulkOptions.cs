namespace EsusCheck.Bulk;

/// <summary>Configuration section <c>Bulk</c>. The input container and the work queue are fixed names
/// (<see cref="BulkNames"/>) because the function triggers declare them.</summary>
public sealed class BulkOptions
{
    public const string Section = "Bulk";

    /// <summary>Distinct suppliers per queue message (one chunk). Small enough for one execution, large enough to
    /// keep the registry limiter busy.</summary>
    public int ChunkSize { get; set; } = 200;

    /// <summary>Checks in flight per instance, across every chunk it processes at once. The registry clients pace the
    /// calls; this keeps enough requests waiting for the pacing limit to be reached, and few enough that none waits
    /// for its turn beyond the registries' total timeout.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Results written to the checkpoint table every this many checks.</summary>
    public int CheckpointEvery { get; set; } = 20;

    /// <summary>Attempts for a chunk: unavailable registries are retried up to this many times, and a message
    /// dequeued this many times is settled as failed rather than retried (same value as host.json
    /// <c>maxDequeueCount</c>, 5 by default).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before a chunk whose registries were unavailable is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A job not completed nor failed that has not changed for this long is failed by the watchdog
    /// (<c>bulk_job_stuck</c>), with a <c>summary.json</c>: nothing stays « en cours » silently.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A longer row is reported as unreadable instead of being held in memory.</summary>
    public int MaxRowCharacters { get; set; } = 100_000;

    /// <summary>A row with more cells is reported as unreadable; output rows are never wider than this plus the
    /// result columns.</summary>
    public int MaxColumns { get; set; } = 1_000;

    /// <summary>Data rows a file may hold (<c>bulk_too_many_rows</c> beyond): with the size and column limits, it bounds
    /// the work of any file.</summary>
    public long MaxRows { get; set; } = 5_000_000;

    /// <summary>Distinct suppliers a file may hold (memory is proportional to this, not to the file size).</summary>
    public int MaxUniqueSuppliers { get; set; } = 200_000;

    /// <summary>Largest file accepted by <c>POST /api/v1/bulk</c>: the platform refuses any HTTP request over 100 MB
    /// (104,857,600 bytes) before the function runs, so a larger limit would only promise what never arrives.
    /// Larger files go into the input container.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024 - 64 * 1024;

    /// <summary>Zip-bomb guard: the declared uncompressed size of an XLSX file may not exceed this.</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Zip-bomb guard: compression ratio above which a large XLSX part is refused.</summary>
    public int MaxXlsxCompressionRatio { get; set; } = 200;

    /// <summary>Rows in error listed by name in <c>summary.json</c> (all of them are in the result files).</summary>
    public int MaxErrorsInSummary { get; set; } = 10_000;

    /// <summary>The blob container where results are written, one folder per job.</summary>
    public string OutputContainer { get; set; } = "bulk-out";

    /// <summary>The table holding job state, chunks and per-supplier checkpoints.</summary>
    public string JobsTable { get; set; } = "bulkjobs";
}

/// <summary>Names the triggers declare (attributes need constants).</summary>
public static class BulkNames
{
    public const string InputContainer = "bulk-in";
    public const string WorkQueue = "bulk-work";
    /// <summary>Where the Functions host moves a work message after its last failed delivery (« -poison »).</summary>
    public const string PoisonQueue = WorkQueue + "-poison";
    public const string ClientIdPrefix = "bulk:";
}
