using EsusCheck.Bulk.Processing;

namespace EsusCheck.Bulk.InProcess;

/// <summary>Input files read from the disk (their full path is their name) and results written to one folder.</summary>
public sealed class LocalBulkFileStore(string outputDirectory) : IBulkFileStore
{
    public Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(inputName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));

    public async Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, Path.GetFileName(inputName));
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
    }

    public async Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.GetFullPath(Path.Combine(outputDirectory, fileName));
        await using (var file = File.Create(path)) await content.CopyToAsync(file, cancellationToken);
        return new BulkOutputLink(fileName, path);
    }

    public Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, Path.GetFileName(fileName));
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }
}
