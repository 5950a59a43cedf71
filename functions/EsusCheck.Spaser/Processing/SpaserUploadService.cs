using EsusCheck.Bulk;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Spaser.Decp;
using Microsoft.Extensions.Options;

namespace EsusCheck.Spaser.Processing;

/// <summary><c>POST /api/v1/spaser</c>: stores the DECP in <c>spaser-in</c> (where the blob trigger plans it) under
/// <c>{jobId}/{name}</c>, the filter written in the job. The same content with the same filter is one job.</summary>
public sealed class SpaserUploadService(
    IBulkJobStore store, ISpaserInputStore inputs, IOptions<BulkOptions> options, TimeProvider clock)
{
    public async Task<BulkUploadResult> AcceptAsync(Stream body, string? fileName, SpaserFilter filter, CancellationToken cancellationToken)
    {
        await using var copy = TemporaryFile.Create();
        if (await BulkUploadService.CopyWithinAsync(body, copy, options.Value.MaxUploadBytes, cancellationToken) is { } tooLarge)
            return new(null, false, tooLarge);

        copy.Position = 0;
        var probe = await ContentProbe.ReadAsync(copy, cancellationToken);
        DecpFormat format;
        try
        {
            copy.Position = 0;
            format = await DecpReader.DetectAsync(copy, probe, cancellationToken);
        }
        catch (BulkFileException ex)
        {
            return new(null, false, ex.Error);
        }

        var jobId = SpaserJobOptions.JobId(probe.Sha256, filter);
        var existing = await store.FindAsync(jobId, cancellationToken);
        if (existing is not null && existing.State != BulkJobState.Received) return new(existing, AlreadyKnown: true, null);

        var now = clock.GetUtcNow();
        var extension = format switch { DecpFormat.Json => ".json", DecpFormat.Xml => ".xml", _ => ".csv" };
        var job = existing ?? await store.AddOrGetAsync(new BulkJob
        {
            JobId = jobId,
            Kind = SpaserNames.JobKind,
            KindOptions = new SpaserJobOptions(format, filter.Buyer, filter.Year).ToJson(),
            State = BulkJobState.Received,
            InputName = $"{jobId}/{OutputNames.BaseName(fileName ?? "decp")}{extension}",
            ContentSha256 = probe.Sha256,
            ContentLength = probe.Length,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        copy.Position = 0;
        await inputs.StoreAsync(job.InputName, copy, cancellationToken);
        return new(job, AlreadyKnown: existing is not null, null);
    }
}
