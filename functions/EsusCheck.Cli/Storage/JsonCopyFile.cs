using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Cli.Storage;

/// <summary>A reference copy (information and entries) remembered between runs in one JSON file of the CLI's data
/// folder, read once per process. A new copy is written to a temporary file and moved over the old one, so a crash
/// never leaves half a copy; a damaged file counts as no copy (the next refresh rewrites it).</summary>
internal sealed class JsonCopyFile<TInfo, TEntry>(string path, ILogger logger) where TInfo : class
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _loaded;

    private sealed record Stored(int Version, TInfo Info, List<TEntry> Entries);

    public string FilePath => path;

    /// <summary>Hands the stored copy to <paramref name="apply"/> the first time only.</summary>
    public async Task EnsureLoadedAsync(Func<TInfo, List<TEntry>, Task> apply, CancellationToken cancellationToken)
    {
        if (_loaded) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded) return;
            if (await ReadAsync(cancellationToken) is { } stored) await apply(stored.Info, stored.Entries);
            _loaded = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SaveAsync(TInfo info, IEnumerable<TEntry> entries, Func<Task> apply, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using (var stream = File.Create(temporary))
                await JsonSerializer.SerializeAsync(stream, new Stored(FormatVersion, info, entries.ToList()), Json, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            await apply();
            _loaded = true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            _gate.Release();
        }
    }

    private async Task<Stored?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path);
            if (await JsonSerializer.DeserializeAsync<Stored>(stream, Json, cancellationToken) is { Version: FormatVersion } stored) return stored;
            logger.LogWarning("Reference copy file {Path} has an unknown format; it is ignored until the next refresh", path);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Reference copy file {Path} is unreadable; it is ignored until the next refresh", path);
        }
        return null;
    }
}
