using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Cli.Storage;

/// <summary>A reference copy answered by Core's in-memory store for the run, and remembered between runs in one JSON
/// file of the data folder (<see cref="JsonCopyFile{TInfo,TEntry}"/>), loaded the first time anything is read.</summary>
public abstract class FileCopyStore<TInfo, TEntry, TLookup>(string path, ILogger logger, FileCopyStore<TInfo, TEntry, TLookup>.InMemory memory)
    where TInfo : class
{
    /// <summary>The in-memory store's three operations (Core's stores share no interface).</summary>
    public sealed record InMemory(
        Func<Siret, CancellationToken, Task<TLookup>> Find,
        Func<CancellationToken, Task<TInfo?>> GetInfo,
        Func<TInfo, IReadOnlyCollection<TEntry>, CancellationToken, Task> Replace);

    private readonly JsonCopyFile<TInfo, TEntry> _file = new(path, logger);

    public async Task<TLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await memory.Find(siret, cancellationToken);
    }

    public async Task<TInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await memory.GetInfo(cancellationToken);
    }

    public Task ReplaceAsync(TInfo info, IReadOnlyCollection<TEntry> entries, CancellationToken cancellationToken) =>
        _file.SaveAsync(info, entries, () => memory.Replace(info, entries, cancellationToken), cancellationToken);

    private Task LoadAsync(CancellationToken cancellationToken) =>
        _file.EnsureLoadedAsync((info, entries) => memory.Replace(info, entries, cancellationToken), cancellationToken);
}
