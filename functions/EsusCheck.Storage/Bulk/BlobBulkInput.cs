using Azure.Storage.Blobs;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Storage.Bulk;

public static class BlobBulkInput
{
    /// <summary>The blob the trigger fired for, as an input the planner can open twice (hash, then rows).</summary>
    public static BulkInputFile From(BlobClient blob) =>
        new(blob.Name, async cancellationToken => await blob.OpenReadAsync(cancellationToken: cancellationToken));
}
