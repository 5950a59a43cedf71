using Azure.Storage.Blobs;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using EsusCheck.Storage.Bulk;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Bulk;

/// <summary>A supplier file lands in <c>bulk-in</c> (dropped by a person or by <c>POST /api/v1/bulk</c>): plan its job.
/// Event Grid source, the only blob trigger Flex Consumption runs; a failure makes Event Grid deliver again, and
/// planning twice is harmless.</summary>
public sealed class BulkFileDroppedFunction(BulkJobPlanner planner)
{
    public const string Name = "BulkFileDropped";

    [Function(Name)]
    public Task Run(
        [BlobTrigger(BulkNames.InputContainer + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        CancellationToken cancellationToken) =>
        planner.PlanAsync(BlobBulkInput.From(blob), cancellationToken);
}
