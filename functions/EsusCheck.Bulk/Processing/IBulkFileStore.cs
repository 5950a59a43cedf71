namespace EsusCheck.Bulk.Processing;

/// <summary>Where input files are read and results written: blob containers in Azure, a folder in the CLI.</summary>
public interface IBulkFileStore
{
    Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken);

    Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken);

    Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A result file written by <see cref="SaveOutputAsync"/>, or null when there is none by that name.</summary>
    Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken);
}
