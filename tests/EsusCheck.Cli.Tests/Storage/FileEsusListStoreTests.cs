using EsusCheck.Cli.Storage;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Testing.Esus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Tests.Storage;

public sealed class FileEsusListStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "esuscheck-store-" + Guid.NewGuid().ToString("N"));

    private FileEsusListStore NewStore() =>
        new(Options.Create(new CliOptions { DataDirectory = _folder }), NullLogger<FileEsusListStore>.Instance);

    private static Siren SirenOf(string digits) => IdentifierParser.ParseSiren(digits).Value!.Value;

    private static readonly Siren Alpha = SirenOf(EsusListFiles.Siren("41816609"));
    private static readonly Siren Beta = SirenOf(EsusListFiles.Siren("55203253"));

    private static readonly EsusListInfo February = new(new DateOnly(2026, 2, 1), 1, new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.Zero), "liste.xlsx");

    [Fact]
    public async Task A_list_written_by_one_run_is_read_by_the_next_with_every_column()
    {
        var entry = new EsusListEntry(Alpha, "Coopérative Élan", new DateOnly(2021, 3, 12), new DateOnly(2026, 3, 11), "2A");
        await NewStore().ReplaceAsync(February, [entry], default);

        var next = NewStore();
        var lookup = await next.LookupAsync(Alpha, default);

        Assert.Equal(February, lookup.List);
        Assert.Equal(entry, lookup.Entry);
        Assert.Null((await next.LookupAsync(Beta, default)).Entry);
    }

    [Fact]
    public async Task Replacing_swaps_the_whole_list_and_leaves_no_temporary_file()
    {
        var store = NewStore();
        await store.ReplaceAsync(February, [new EsusListEntry(Alpha)], default);
        var july = February with { PublishedOn = new DateOnly(2026, 7, 1) };

        await store.ReplaceAsync(july, [new EsusListEntry(Beta)], default);

        Assert.Equal([FileEsusListStore.FileName], Directory.GetFiles(_folder).Select(Path.GetFileName));
        var reread = NewStore();
        Assert.Equal(july, await reread.GetInfoAsync(default));
        Assert.Null((await reread.LookupAsync(Alpha, default)).Entry);
        Assert.NotNull((await reread.LookupAsync(Beta, default)).Entry);
    }

    [Fact]
    public async Task No_file_means_no_list()
    {
        Assert.Same(EsusLookup.NoList, await NewStore().LookupAsync(Alpha, default));
    }

    [Fact]
    public async Task A_damaged_file_means_no_list_until_the_next_import()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, FileEsusListStore.FileName), "{\"version\":1,\"info\":");

        var store = NewStore();
        Assert.Null(await store.GetInfoAsync(default));

        await store.ReplaceAsync(February, [new EsusListEntry(Alpha)], default);
        Assert.Equal(February, await NewStore().GetInfoAsync(default));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
