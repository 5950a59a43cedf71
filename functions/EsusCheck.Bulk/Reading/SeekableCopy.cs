namespace EsusCheck.Bulk.Reading;

/// <summary>A ZIP package needs random access: a forward-only stream (a blob download, an HTTP body) is copied to a
/// temporary file deleted on close, never to memory.</summary>
internal static class SeekableCopy
{
    public static async Task<Stream> OfAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return stream;
        }
        var copy = TemporaryFile.Create();
        try
        {
            await stream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }
}

internal static class TemporaryFile
{
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), "esuscheck-" + Guid.NewGuid().ToString("N")),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
