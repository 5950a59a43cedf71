using Microsoft.Extensions.Azure;
using EsusCheck.Storage.Tables;
using Azure.Storage.Blobs;
using EsusCheck.Spaser;
using EsusCheck.Spaser.Processing;
using EsusCheck.Storage.Bulk;

namespace EsusCheck.Storage.Spaser;

/// <summary>DECP files in the <c>spaser-in</c> container, on the bulk feature's storage account.</summary>
public sealed class BlobSpaserInputStore(IAzureClientFactory<BlobServiceClient> blobs) : ISpaserInputStore
{
    private readonly CreatedOnFirstUse<BlobContainerClient> _input = new(
        () => blobs.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetBlobContainerClient(SpaserNames.InputContainer),
        (container, cancellationToken) => container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task<Stream> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var container = await _input.GetAsync(cancellationToken);
        return await container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public async Task StoreAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var container = await _input.GetAsync(cancellationToken);
        await container.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
    }
}
