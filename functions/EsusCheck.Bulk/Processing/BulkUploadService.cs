using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;
using Microsoft.Extensions.Options;
using EsusCheck.Core.Wording;

namespace EsusCheck.Bulk.Processing;

/// <summary>The outcome of an upload: the job (new or recognised), or why the file was refused.</summary>
public sealed record BulkUploadResult(BulkJob? Job, bool AlreadyKnown, BulkFileError? Error);

/// <summary><c>POST /api/v1/bulk</c>: hashes the upload (the job id), refuses what cannot be a supplier file, and
/// stores it in the input container where the blob trigger takes it. The same content twice is one job.</summary>
public sealed class BulkUploadService(IBulkJobStore store, IBulkFileStore files, IOptions<BulkOptions> options, TimeProvider clock)
{
    /// <param name="clientId">who uploads: the job is bound to its uploaders (several buyers may upload the same content)</param>
    public async Task<BulkUploadResult> AcceptAsync(Stream body, string? fileName, string? clientId, CancellationToken cancellationToken)
    {
        await using var copy = TemporaryFile.Create();
        if (await CopyWithinAsync(body, copy, options.Value.MaxUploadBytes, cancellationToken) is { } tooLarge) return Refused(tooLarge);

        copy.Position = 0;
        var probe = await ContentProbe.ReadAsync(copy, cancellationToken);
        if (probe.Error is { } error) return Refused(error);

        var jobId = BulkJobId.FromSha256(probe.Sha256);
        var existing = await store.FindAsync(jobId, cancellationToken);
        var now = clock.GetUtcNow();
        // A failed job's content uploaded again is a new attempt (the failure messages ask for exactly that).
        var restarted = existing is { State: BulkJobState.Failed };
        if (restarted)
            existing = await store.UpdateAsync(jobId, j => j.State == BulkJobState.Failed ? j.Restarted(j.InputName, now) : null, cancellationToken);
        if (existing is not null && clientId is not null && !existing.Uploaders.Contains(clientId) && existing.Uploaders.Count < BulkJob.MaxUploaders)
            existing = await store.UpdateAsync(jobId, j => j.Uploaders.Contains(clientId) ? null : j with { Uploaders = [.. j.Uploaders, clientId] },
                cancellationToken) ?? existing;
        if (existing is not null && existing.State != BulkJobState.Received) return new(existing, AlreadyKnown: true, null);

        var job = existing ?? await store.AddOrGetAsync(new BulkJob
        {
            JobId = jobId,
            State = BulkJobState.Received,
            InputName = $"{jobId}/{OutputNames.ForUpload(fileName, probe.Format == FileFormat.Xlsx)}",
            ContentSha256 = probe.Sha256,
            ContentLength = probe.Length,
            Uploaders = clientId is null ? [] : [clientId],
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        // Stored again when the job is still « received »: a previous upload may have failed after creating it.
        copy.Position = 0;
        await files.StoreInputAsync(job.InputName, copy, cancellationToken);
        return new(job, AlreadyKnown: existing is not null && !restarted, null);
    }

    public BulkFileError TooLarge() => TooLarge(options.Value.MaxUploadBytes);

    private static BulkFileError TooLarge(long max) => new(BulkFileError.Codes.FileTooLarge,
        $"Le fichier dépasse {FrenchText.Number(max / (1024 * 1024))} Mo, la taille maximale d'un envoi : déposez-le directement " +
        "dans le conteneur d'entrée ou découpez-le.");

    private static BulkUploadResult Refused(BulkFileError error) => new(null, false, error);

    /// <summary>Copies an upload to <paramref name="copy"/>, stopping as soon as it exceeds <paramref name="max"/>
    /// bytes: then the error to answer (413), else null.</summary>
    public static async Task<BulkFileError?> CopyWithinAsync(Stream body, Stream copy, long max, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > max) return TooLarge(max);
            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return null;
    }
}
