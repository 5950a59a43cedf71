using EsusCheck.Core.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Storage;

/// <summary>Le Marché's list copy, remembered between runs (<c>marche-copy.json</c> in the data folder).</summary>
public sealed class FileMarcheCopyStore(IOptions<CliOptions> options, ILogger<FileMarcheCopyStore> logger)
    : FileCopyStore<MarcheCopyInfo, MarcheCopyEntry, MarcheCopyLookup>(Path.Combine(options.Value.ResolvedDataDirectory, FileName), logger, Memory(new())),
        IMarcheCopyStore
{
    public const string FileName = "marche-copy.json";

    private static InMemory Memory(InMemoryMarcheCopyStore store) => new(store.FindAsync, store.GetInfoAsync, store.ReplaceAsync);
}

/// <summary>FINESS's ESAT and EA copy, remembered between runs (<c>finess-copy.json</c> in the data folder).</summary>
public sealed class FileFinessCopyStore(IOptions<CliOptions> options, ILogger<FileFinessCopyStore> logger)
    : FileCopyStore<FinessCopyInfo, FinessCopyEntry, FinessCopyLookup>(Path.Combine(options.Value.ResolvedDataDirectory, FileName), logger, Memory(new())),
        IFinessCopyStore
{
    public const string FileName = "finess-copy.json";

    private static InMemory Memory(InMemoryFinessCopyStore store) => new(store.FindAsync, store.GetInfoAsync, store.ReplaceAsync);
}
