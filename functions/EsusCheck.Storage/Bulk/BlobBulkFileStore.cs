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
    private readonly CreatedOnFirstUse<BlobContainerClient> _input = CreatedOnFirstUse.Container(blobs, BulkNames.InputContainer);
    private readonly CreatedOnFirstUse<BlobContainerClient> _output = CreatedOnFirstUse.Container(blobs, options.Value.OutputContainer);

    public Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken) => _input.OpenReadAsync(inputName, cancellationToken);

    public Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken) =>
        _input.UploadAsync(inputName, content, cancellationToken);

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
