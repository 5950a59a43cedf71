using System.Text.Json.Serialization;
using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Processing;

[JsonConverter(typeof(JsonStringEnumConverter<BulkJobState>))]
public enum BulkJobState
{
    /// <summary>Uploaded through the API; the blob trigger has not run yet.</summary>
    [JsonStringEnumMemberName("received")] Received,
    /// <summary>The file is being read, its suppliers deduplicated and split into chunks.</summary>
    [JsonStringEnumMemberName("planning")] Planning,
    [JsonStringEnumMemberName("processing")] Processing,
    /// <summary>Every chunk is done; the result files are being written.</summary>
    [JsonStringEnumMemberName("finalizing")] Finalizing,
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The file could not be processed at all (see <see cref="BulkJob.Error"/>).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>A row that got a reason instead of a verdict, as the status and the summary list it.</summary>
public sealed record BulkRowError(long? Line, string? Identifier, string Code, string Message);

/// <summary>What was detected in the file that the result writer needs again (the encoding took a whole pass).</summary>
public sealed record BulkFileShape(FileFormat Format, TextEncodingKind Encoding, int Width);

public sealed record BulkOutputLink(string Name, string? Url);

/// <param name="Report">A printable report, for the job kinds that write one (SPASER).</param>
public sealed record BulkOutputs(BulkOutputLink Csv, BulkOutputLink? Xlsx, BulkOutputLink Summary, BulkOutputLink? Report = null);

/// <summary>One bulk file being processed. The id derives from the content hash, so a re-upload of the same content
/// finds the same job. Counters set while planning and those advanced by chunk completions are kept apart so that
/// a planning retry never overwrites progress.</summary>
public sealed record BulkJob
{
    public required string JobId { get; init; }
    /// <summary>Null for a supplier file; otherwise the <see cref="IBulkJobKind"/> that reads and writes the job's files.</summary>
    public string? Kind { get; init; }
    /// <summary>What that kind needs to read its file again (its own JSON).</summary>
    public string? KindOptions { get; init; }
    public required BulkJobState State { get; init; }
    /// <summary>The blob (or file) the job reads.</summary>
    public required string InputName { get; init; }
    /// <summary>The client ids that uploaded this content through the API: only they see the job there. Empty for a
    /// file dropped in the container (whoever can read the container can read the results).</summary>
    public IReadOnlyList<string> Uploaders { get; init; } = [];

    public const int MaxUploaders = 20;

    /// <summary>Whether <paramref name="clientId"/> may see this job through the API.</summary>
    public bool IsVisibleTo(string? clientId) => Uploaders.Count == 0 || (clientId is not null && Uploaders.Contains(clientId));

    /// <summary>1, then one more each time a failed job's content is uploaded again.</summary>
    public int Attempt { get; init; } = 1;
    /// <summary>Other names the same content was uploaded under, recognised and not processed again.</summary>
    public IReadOnlyList<string> AlsoUploadedAs { get; init; } = [];
    public string? ContentSha256 { get; init; }
    public long ContentLength { get; init; }
    public BulkFileShape? Shape { get; init; }
    /// <summary>The chunks are written and <see cref="ChunksTotal"/> is final.</summary>
    public bool Planned { get; init; }

    public long RowsTotal { get; init; }
    /// <summary>Rows settled while planning (unreadable or invalid identifiers, total lines).</summary>
    public long PlannedRowsSettled { get; init; }
    public long PlannedRowsInError { get; init; }
    public int UniqueItems { get; init; }
    public int ChunksTotal { get; init; }

    /// <summary>Batches of the prefetch (0: none, the chunks were enqueued at planning) and those done.</summary>
    public int PrefetchTotal { get; init; }
    /// <summary>Distinct SIRETs the prefetch batches hold.</summary>
    public int PrefetchSirets { get; init; }
    public IReadOnlyList<int> PrefetchDone { get; init; } = [];
    /// <summary>The chunk messages went out once the prefetch was done.</summary>
    public bool ChunksReleased { get; init; }
    /// <summary>SIRETs the prefetch wrote to the cache, and those it left to single lookups.</summary>
    public int PrefetchStored { get; init; }
    public int PrefetchMissing { get; init; }

    public int ChunksDone { get; init; }
    public int ChunksFailed { get; init; }
    public long ChunkRowsDone { get; init; }
    public long ChunkRowsInError { get; init; }

    /// <summary>The first rows in error, for the status endpoint (all of them are in the summary).</summary>
    public IReadOnlyList<BulkRowError> ErrorSample { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    public BulkFileError? Error { get; init; }
    public BulkOutputs? Outputs { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    [JsonIgnore] public long RowsDone => PlannedRowsSettled + ChunkRowsDone;
    [JsonIgnore] public long RowsInError => PlannedRowsInError + ChunkRowsInError;
    [JsonIgnore] public bool AllChunksDone => Planned && ChunksDone >= ChunksTotal;

    [JsonIgnore] public bool PrefetchFinished => PrefetchDone.Count >= PrefetchTotal;
    [JsonIgnore] public bool IsFinished => State is BulkJobState.Completed or BulkJobState.Failed;

    public const int ErrorSampleSize = 20;

    /// <summary>The same content uploaded again after a failure: a fresh job under the same id, one attempt later,
    /// reading <paramref name="inputName"/>.</summary>
    public BulkJob Restarted(string inputName, DateTimeOffset now) => new()
    {
        JobId = JobId,
        Kind = Kind,
        KindOptions = KindOptions,
        State = BulkJobState.Received,
        InputName = inputName,
        Attempt = Attempt + 1,
        AlsoUploadedAs = InputName == inputName ? AlsoUploadedAs : [.. AlsoUploadedAs, InputName],
        Uploaders = Uploaders,
        ContentSha256 = ContentSha256,
        ContentLength = ContentLength,
        Notes = [$"Nouvelle tentative (n° {Attempt + 1}) : la précédente avait échoué ({Error?.Code ?? "erreur inconnue"})."],
        CreatedAt = CreatedAt,
        UpdatedAt = now,
    };

    public BulkJob WithErrors(IEnumerable<BulkRowError> errors) =>
        this with { ErrorSample = ErrorSample.Concat(errors).Take(ErrorSampleSize).ToList() };
}
