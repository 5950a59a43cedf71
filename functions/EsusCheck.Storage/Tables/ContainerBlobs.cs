using Azure.Storage.Blobs;

namespace EsusCheck.Storage.Tables;

/// <summary>Whole blobs of a container created on first use: the input files dropped for bulk and SPASER jobs.</summary>
internal static class ContainerBlobs
{
    public static async Task<Stream> OpenReadAsync(this CreatedOnFirstUse<BlobContainerClient> container, string name, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync(cancellationToken);
        return await client.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
    }

    public static async Task UploadAsync(this CreatedOnFirstUse<BlobContainerClient> container, string name, Stream content, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync(cancellationToken);
        await client.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken);
    }
}
