using System.Text.Json;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Storage;

/// <summary>The ESUS list remembered between runs in the user's local data folder (one JSON file). A new list is
/// written to a temporary file and moved over the old one, so a crash never leaves half a list.</summary>
public sealed class FileEsusListStore(IOptions<CliOptions> options, ILogger<FileEsusListStore> logger) : IEsusListStore
{
    public const string FileName = "esus-list.json";
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private bool _loaded;

    private sealed record Snapshot(EsusListInfo Info, IReadOnlyDictionary<Siren, EsusListEntry> Entries);

    public string FilePath => Path.Combine(options.Value.ResolvedDataDirectory, FileName);

    public async Task<EsusLookup> LookupAsync(Siren siren, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        return current is null ? EsusLookup.NoList : new EsusLookup(current.Info, current.Entries.GetValueOrDefault(siren));
    }

    public async Task<EsusListInfo?> GetInfoAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken))?.Info;

    public async Task ReplaceAsync(EsusListInfo info, IReadOnlyCollection<EsusListEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new StoredList(FormatVersion, info, entries.Select(StoredEntry.From).ToList());
        Directory.CreateDirectory(options.Value.ResolvedDataDirectory);
        var temporary = FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using (var stream = File.Create(temporary))
                await JsonSerializer.SerializeAsync(stream, stored, Json, cancellationToken);
            File.Move(temporary, FilePath, overwrite: true);
            _current = ToSnapshot(stored);
            _loaded = true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            _gate.Release();
        }
    }

    private async Task<Snapshot?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_loaded) return _current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded) return _current;
            _current = await LoadAsync(cancellationToken);
            _loaded = true;
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath)) return null;
        try
        {
            await using var stream = File.OpenRead(FilePath);
            var stored = await JsonSerializer.DeserializeAsync<StoredList>(stream, Json, cancellationToken);
            if (stored is { Version: FormatVersion }) return ToSnapshot(stored);
            logger.LogWarning("ESUS list file {Path} has an unknown format; it is ignored until the next import", FilePath);
        }
        catch (JsonException ex)
        {
            // A damaged file means « no list »: the verdict says so, and the next import rewrites it.
            logger.LogWarning(ex, "ESUS list file {Path} is unreadable; it is ignored until the next import", FilePath);
        }
        return null;
    }

    private static Snapshot ToSnapshot(StoredList stored)
    {
        var entries = new Dictionary<Siren, EsusListEntry>();
        foreach (var entry in stored.Entries)
            if (entry.ToEntry() is { } e) entries[e.Siren] = e;
        return new Snapshot(stored.Info, entries);
    }

    private sealed record StoredList(int Version, EsusListInfo Info, List<StoredEntry> Entries);

    private sealed record StoredEntry(string Siren, string? Name, DateOnly? AccreditedOn, DateOnly? ExpiresOn, string? Department,
        bool Assimilated = false)
    {
        public static StoredEntry From(EsusListEntry e) => new(e.Siren.Value, e.Name, e.AccreditedOn, e.ExpiresOn, e.Department, e.Assimilated);

        public EsusListEntry? ToEntry() => IdentifierParser.ParseSiren(Siren).Value is { } siren
            ? new EsusListEntry(siren, Name, AccreditedOn, ExpiresOn, Department, Assimilated)
            : null;
    }
}
