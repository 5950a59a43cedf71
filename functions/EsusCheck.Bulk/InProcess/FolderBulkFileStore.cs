using EsusCheck.Bulk.Processing;

namespace EsusCheck.Bulk.InProcess;

/// <summary>The bulk containers as two folders of one directory, for <c>esuscheck serve</c> without storage: uploads in
/// <c>in/{jobId}/{name}</c>, results in <c>out/{jobId}/{file}</c> (the same names as the blobs).</summary>
public sealed class FolderBulkFileStore(string root) : IBulkFileStore
{
    public Task<Stream> OpenInputAsync(string inputName, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(File.OpenRead(PathOf("in", inputName)));

    public async Task StoreInputAsync(string inputName, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf("in", inputName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
    }

    public async Task<BulkOutputLink> SaveOutputAsync(string jobId, string fileName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf("out", $"{jobId}/{fileName}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path)) await content.CopyToAsync(file, cancellationToken);
        return new BulkOutputLink($"{jobId}/{fileName}", path);
    }

    public Task<Stream?> OpenOutputAsync(string jobId, string fileName, CancellationToken cancellationToken)
    {
        var path = PathOf("out", $"{jobId}/{fileName}");
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    /// <summary>Names come from the job (a hash and a cleaned file name): anything that would leave the folder is refused.</summary>
    private string PathOf(string folder, string name)
    {
        var baseDirectory = Path.GetFullPath(Path.Combine(root, folder));
        var path = Path.GetFullPath(Path.Combine(baseDirectory, name));
        if (!path.StartsWith(baseDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("The name leaves the bulk folder.", nameof(name));
        return path;
    }
}
