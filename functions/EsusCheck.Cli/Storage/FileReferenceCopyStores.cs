using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Storage;

/// <summary>Le Marché's list copy, remembered between runs (<c>marche-copy.json</c> in the data folder).</summary>
public sealed class FileMarcheCopyStore(IOptions<CliOptions> options, ILogger<FileMarcheCopyStore> logger) : IMarcheCopyStore
{
    public const string FileName = "marche-copy.json";
    private readonly InMemoryMarcheCopyStore _memory = new();
    private readonly JsonCopyFile<MarcheCopyInfo, MarcheCopyEntry> _file = new(Path.Combine(options.Value.ResolvedDataDirectory, FileName), logger);

    public async Task<MarcheCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await _memory.FindAsync(siret, cancellationToken);
    }

    public async Task<MarcheCopyInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await _memory.GetInfoAsync(cancellationToken);
    }

    public Task ReplaceAsync(MarcheCopyInfo info, IReadOnlyCollection<MarcheCopyEntry> structures, CancellationToken cancellationToken) =>
        _file.SaveAsync(info, structures, () => _memory.ReplaceAsync(info, structures, cancellationToken), cancellationToken);

    private Task LoadAsync(CancellationToken cancellationToken) =>
        _file.EnsureLoadedAsync((info, entries) => _memory.ReplaceAsync(info, entries, cancellationToken), cancellationToken);
}

/// <summary>FINESS's ESAT and EA copy, remembered between runs (<c>finess-copy.json</c> in the data folder).</summary>
public sealed class FileFinessCopyStore(IOptions<CliOptions> options, ILogger<FileFinessCopyStore> logger) : IFinessCopyStore
{
    public const string FileName = "finess-copy.json";
    private readonly InMemoryFinessCopyStore _memory = new();
    private readonly JsonCopyFile<FinessCopyInfo, FinessCopyEntry> _file = new(Path.Combine(options.Value.ResolvedDataDirectory, FileName), logger);

    public async Task<FinessCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await _memory.FindAsync(siret, cancellationToken);
    }

    public async Task<FinessCopyInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await _memory.GetInfoAsync(cancellationToken);
    }

    public Task ReplaceAsync(FinessCopyInfo info, IReadOnlyCollection<FinessCopyEntry> establishments, CancellationToken cancellationToken) =>
        _file.SaveAsync(info, establishments, () => _memory.ReplaceAsync(info, establishments, cancellationToken), cancellationToken);

    private Task LoadAsync(CancellationToken cancellationToken) =>
        _file.EnsureLoadedAsync((info, entries) => _memory.ReplaceAsync(info, entries, cancellationToken), cancellationToken);
}
