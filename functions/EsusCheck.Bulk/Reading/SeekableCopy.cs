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

/// <summary>Temporary files deleted on close. Their name carries the process id, so that the files of a killed run
/// (a close that never happened) are recognised and removed by the next run.</summary>
public static class TemporaryFile
{
    private const string Prefix = "esuscheck-";

    internal static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <summary>Deletes the temporary files of processes that no longer run.</summary>
    public static void RemoveStale()
    {
        foreach (var path in Directory.EnumerateFiles(Path.GetTempPath(), Prefix + "*"))
        {
            var parts = Path.GetFileName(path)[Prefix.Length..].Split('-');
            if (parts.Length != 2 || parts[1].Length != 32 || !int.TryParse(parts[0], out var pid) || IsRunning(pid)) continue;
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's file, or one being removed: not ours to insist on.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
