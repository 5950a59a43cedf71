using EsusCheck.Registries.Reference;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Reference;

/// <summary>A file dropped into the <c>reference</c> container (the new DG Trésor ESUS list, XLSX or CSV) replaces the
/// ESUS list when it is valid; a refused file leaves the list in place (logged as an error, counted as a failed
/// refresh). The blob is kept as the record of what was imported. Fed by Event Grid (Flex Consumption); the
/// subscription is created by infra/hooks/postdeploy.sh.</summary>
public sealed class ReferenceBlobImportFunction(ReferenceRefreshService refresh)
{
    public const string Name = "ReferenceBlobImport";
    public const string Container = "reference";

    [Function(Name)]
    public Task<ListRefreshResult> Run(
        [BlobTrigger(Container + "/{name}", Source = BlobTriggerSource.EventGrid)] Stream content,
        string name,
        CancellationToken cancellationToken) =>
        refresh.ImportReferenceFileAsync(content, name, cancellationToken);
}
