using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Storage.Bulk;

/// <summary>How a job, its chunks and its checkpoints sit in one table partition (the job id), so that a chunk's
/// completion and the job's counters change in one entity-group transaction.
/// Row keys: <c>job</c>; <c>chunk-000042</c>; <c>result-000042-{key}</c>.</summary>
internal static class BulkEntities
{
    public const string JobRow = "job";
    private const string Data = "Data";
    private const int MaxNoteLength = 500;
    private const int MaxNotes = 30;
    private const int MaxIdentifierLength = 100;
    private const int MaxErrorLength = 2000;
    private const int MaxOtherNames = 20;
    private const int MaxNameLength = 260;
    /// <summary>A string property holds at most 32K UTF-16 characters (64 KiB); the job keeps well below.</summary>
    private const int MaxJobCharacters = 30_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ChunkRow(int index) => "chunk-" + index.ToString("D6", CultureInfo.InvariantCulture);

    public static string ResultRow(int chunk, string key) => ResultPrefix(chunk) + key;

    /// <summary>Every result row of a chunk sorts between this prefix and the same with « . » (the next character after « - »).</summary>
    public static string ResultPrefix(int chunk) => "result-" + chunk.ToString("D6", CultureInfo.InvariantCulture) + "-";

    /// <summary>The whole job in one property. Every string a file or an uploader controls is capped (notes, the error
    /// sample, the error, the other names), and what remains too large is shortened further, so that an update —
    /// the failure update included — always fits and a job can always reach a final state.</summary>
    public static TableEntity ToEntity(BulkJob job)
    {
        var capped = job with
        {
            Notes = job.Notes.Take(MaxNotes).Select(n => Cap(n, MaxNoteLength)).ToList(),
            ErrorSample = job.ErrorSample.Select(e => e with
            {
                Identifier = e.Identifier is null ? null : Cap(e.Identifier, MaxIdentifierLength),
                Message = Cap(e.Message, MaxNoteLength),
            }).ToList(),
            AlsoUploadedAs = job.AlsoUploadedAs.Take(MaxOtherNames).Select(n => Cap(n, MaxNameLength)).ToList(),
            Error = job.Error is null ? null : job.Error with { Message = Cap(job.Error.Message, MaxErrorLength) },
        };
        var data = JsonSerializer.Serialize(capped, Json);
        while (data.Length > MaxJobCharacters && (capped.Notes.Count > 0 || capped.ErrorSample.Count > 0 || capped.AlsoUploadedAs.Count > 0))
        {
            capped = capped with
            {
                Notes = capped.Notes.Take(capped.Notes.Count / 2).ToList(),
                ErrorSample = capped.ErrorSample.Take(capped.ErrorSample.Count / 2).ToList(),
                AlsoUploadedAs = capped.AlsoUploadedAs.Take(capped.AlsoUploadedAs.Count / 2).ToList(),
            };
            data = JsonSerializer.Serialize(capped, Json);
        }
        return new(job.JobId, JobRow) { ["State"] = job.State.ToString(), [Data] = data };
    }

    public static BulkJob ToJob(TableEntity entity) =>
        JsonSerializer.Deserialize<BulkJob>(entity.GetString(Data), Json) ?? throw new InvalidDataException("Empty bulk job entity.");

    public static TableEntity ToEntity(BulkChunk chunk)
    {
        var items = new StringBuilder();
        foreach (var item in chunk.Items)
            items.Append(item.Identifier).Append(';').Append(item.Cpv).Append(';').Append(item.Rows.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return new TableEntity(chunk.JobId, ChunkRow(chunk.Index))
        {
            ["Items"] = items.ToString(),
            ["Done"] = chunk.Done,
            ["Failed"] = chunk.Failed,
            ["Attempt"] = chunk.Attempt,
        };
    }

    public static BulkChunk ToChunk(string jobId, int index, TableEntity entity)
    {
        var items = entity.GetString("Items").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';'))
            .Select(parts => new BulkItem(parts[0], parts[1].Length == 0 ? null : parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();
        return new BulkChunk(jobId, index, items, entity.GetBoolean("Done") ?? false, entity.GetBoolean("Failed") ?? false,
            entity.GetInt32("Attempt") ?? 1);
    }

    public static TableEntity ToEntity(string jobId, int chunk, BulkItemResult result) =>
        new(jobId, ResultRow(chunk, result.Key)) { [Data] = JsonSerializer.Serialize(result, Json) };

    public static BulkItemResult ToResult(TableEntity entity) =>
        JsonSerializer.Deserialize<BulkItemResult>(entity.GetString(Data), Json) ?? throw new InvalidDataException("Empty bulk result entity.");

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
