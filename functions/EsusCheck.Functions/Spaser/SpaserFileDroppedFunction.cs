using Azure.Storage.Blobs;
using EsusCheck.Spaser;
using EsusCheck.Spaser.Processing;
using EsusCheck.Storage.Bulk;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Spaser;

/// <summary>A DECP file lands in <c>spaser-in</c> (dropped by a person, or by <c>POST /api/v1/spaser</c>): plan its
/// SPASER job on the bulk pipeline. Event Grid source, like the bulk trigger; planning twice is harmless.</summary>
public sealed class SpaserFileDroppedFunction(SpaserJobPlanner planner)
{
    public const string Name = "SpaserFileDropped";

    [Function(Name)]
    public Task Run(
        [BlobTrigger(SpaserNames.InputContainer + "/{name}", Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        CancellationToken cancellationToken) =>
        planner.PlanDroppedAsync(BlobBulkInput.From(blob), cancellationToken);
}
