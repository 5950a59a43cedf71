using Microsoft.Extensions.Azure;
using EsusCheck.Storage.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Bulk;

/// <summary>Input files in <c>bulk-in</c>, results in <c>bulk-out/{jobId}/</c>. Links are the blobs' plain URLs,
/// without any SAS: reading them takes the caller's own access to the account.</summary>
public sealed class BlobBulkFileStore(IAzureClientFactory<BlobServiceClient> blobs, IOptions<BulkOptions> options) : IBulkFileStore
{
    private readonly CreatedOnFirstUse<BlobContainerClient> _input = new(
        () => blobs.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetBlobContainerClient(BulkNames.InputContainer),
        (container, cancellationToken) => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    private readonly CreatedOnFirstUse<BlobContainerClient> _output = new(
        () => blobs.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetBlobContainerClient(options.Value.OutputContainer),
        (container, cancellationToken) => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken)
    {
        var container = await _input.GetAsync(cancellationToken);
        return await container.GetBlobClient(inputName).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public async Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken)
    {
        var container = await _input.GetAsync(cancellationToken);
        await container.GetBlobClient(inputName).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var container = await _output.GetAsync(cancellationToken);
        var blob = container.GetBlobClient($"{jobId}/{fileName}");
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
        return new BulkOutputLink($"{container.Name}/{blob.Name}", blob.Uri.ToString());
    }

    public async Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken)
    {
        var container = await _output.GetAsync(cancellationToken);
        try
        {
            return await container.GetBlobClient($"{jobId}/{fileName}").OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
