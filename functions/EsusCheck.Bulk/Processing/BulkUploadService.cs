using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk.Processing;

/// <summary>The outcome of an upload: the job (new or recognised), or why the file was refused.</summary>
public sealed record BulkUploadResult(BulkJob? Job, bool AlreadyKnown, BulkFileError? Error);

/// <summary><c>POST /api/v1/bulk</c>: hashes the upload (the job id), refuses what cannot be a supplier file, and
/// stores it in the input container where the blob trigger takes it. The same content twice is one job.</summary>
public sealed class BulkUploadService(IBulkJobStore store, IBulkFileStore files, IOptions<BulkOptions> options, TimeProvider clock)
{
    public async Task<BulkUploadResult> AcceptAsync(Stream body, string? fileName, CancellationToken cancellationToken)
    {
        await using var copy = TemporaryFile.Create();
        if (await CopyWithinAsync(body, copy, options.Value.MaxUploadBytes, cancellationToken) is { } tooLarge) return Refused(tooLarge);

        copy.Position = 0;
        var probe = await ContentProbe.ReadAsync(copy, cancellationToken);
        if (probe.Error is { } error) return Refused(error);

        var jobId = BulkJobId.FromSha256(probe.Sha256);
        var existing = await store.FindAsync(jobId, cancellationToken);
        if (existing is not null && existing.State != BulkJobState.Received) return new(existing, AlreadyKnown: true, null);

        var now = clock.GetUtcNow();
        var job = existing ?? await store.AddOrGetAsync(new BulkJob
        {
            JobId = jobId,
            State = BulkJobState.Received,
            InputName = $"{jobId}/{OutputNames.ForUpload(fileName, probe.Format == FileFormat.Xlsx)}",
            ContentSha256 = probe.Sha256,
            ContentLength = probe.Length,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        // Stored again when the job is still « received »: a previous upload may have failed after creating it.
        copy.Position = 0;
        await files.StoreInputAsync(job.InputName, copy, cancellationToken);
        return new(job, AlreadyKnown: existing is not null, null);
    }

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
            if (total > max)
                return new(BulkFileError.Codes.FileTooLarge,
                    $"Le fichier dépasse {FrenchText.Number(max / (1024 * 1024))} Mo, la taille maximale d'un envoi : déposez-le directement " +
                    "dans le conteneur d'entrée ou découpez-le.");
            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return null;
    }
}
