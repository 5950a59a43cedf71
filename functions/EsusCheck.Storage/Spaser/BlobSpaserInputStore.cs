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
    private readonly CreatedOnFirstUse<BlobContainerClient> _input = CreatedOnFirstUse.Container(blobs, SpaserNames.InputContainer);

    public Task<Stream> OpenAsync(string name, CancellationToken cancellationToken) => _input.OpenReadAsync(name, cancellationToken);

    public Task StoreAsync(string name, Stream content, CancellationToken cancellationToken) => _input.UploadAsync(name, content, cancellationToken);
}
