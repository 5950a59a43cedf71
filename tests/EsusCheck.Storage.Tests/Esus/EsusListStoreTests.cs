using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Esus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Tests.Esus;

/// <summary>The ESUS list table on Azurite: versions, the pointer switch, clean-up, and readers during an import.</summary>
public sealed class EsusListStoreTests : IDisposable
{
    private static readonly DateOnly FebruaryList = new(2026, 2, 1);
    private static readonly DateOnly JulyList = new(2026, 7, 1);
    private readonly StorageHost _host = new([]);

    public void Dispose() => _host.Dispose();

    private IEsusListStore Store => _host.Get<IEsusListStore>();

    private static Siren Siren(int number) => IdentifierParser.ParseSiren(number.ToString("D9", CultureInfo.InvariantCulture)).Value!.Value;

    private static EsusListInfo Info(DateOnly publishedOn, int rowCount) =>
        new(publishedOn, rowCount, new DateTimeOffset(publishedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3), "liste-esus.xlsx");

    private static List<EsusListEntry> Entries(IEnumerable<int> numbers, string name) =>
        numbers.Select(n => new EsusListEntry(Siren(n), $"{name} {n}", new DateOnly(2024, 5, 1), new DateOnly(2029, 5, 1), "69")).ToList();

    private Task ImportAsync(DateOnly publishedOn, IEnumerable<int> numbers, string name)
    {
        var entries = Entries(numbers, name);
        return Store.ReplaceAsync(Info(publishedOn, entries.Count), entries, CancellationToken.None);
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _host.Table(_host.EsusTable).QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task A_table_that_cannot_be_read_is_unreadable_not_empty()
    {
        // Nothing listens on port 1: every read fails fast.
        var down = new TableServiceClient(Testing.Azurite.ConnectionStringFor(1, 1, 1),
            new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } });
        var store = new TableEsusListStore(down, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<TableEsusListStore>.Instance);

        Assert.Equal(EsusLookup.Unreadable, await store.LookupAsync(Siren(123), default));
    }

    [Fact]
    public async Task Before_any_import_there_is_no_list()
    {
        Assert.Equal(EsusLookup.NoList, await Store.LookupAsync(Siren(123), default));
        Assert.Null(await Store.GetInfoAsync(default));
    }

    [Fact]
    public async Task A_lookup_returns_the_entry_and_the_info_of_the_imported_list()
    {
        await ImportAsync(FebruaryList, Enumerable.Range(1, 40), "ASSOCIATION");

        var listed = await Store.LookupAsync(Siren(7), default);
        var absent = await Store.LookupAsync(Siren(700), default);

        Assert.Equal(new EsusListEntry(Siren(7), "ASSOCIATION 7", new DateOnly(2024, 5, 1), new DateOnly(2029, 5, 1), "69"), listed.Entry);
        Assert.Equal(Info(FebruaryList, 40), listed.List);
        Assert.Null(absent.Entry);
        Assert.Equal(Info(FebruaryList, 40), absent.List);
        Assert.Equal(Info(FebruaryList, 40), await Store.GetInfoAsync(default));
    }

    [Fact]
    public async Task Entries_without_optional_columns_round_trip()
    {
        await Store.ReplaceAsync(Info(FebruaryList, 1), [new EsusListEntry(Siren(5))], default);

        Assert.Equal(new EsusListEntry(Siren(5)), (await Store.LookupAsync(Siren(5), default)).Entry);
    }

    [Fact]
    public async Task An_assimilated_row_keeps_its_mark()
    {
        // law.md §2: an « assimilé » row does not prove ESS; the mark must survive storage for the engine to know it.
        await Store.ReplaceAsync(Info(FebruaryList, 2), [new EsusListEntry(Siren(5), Assimilated: true), new EsusListEntry(Siren(6))], default);

        Assert.True((await Store.LookupAsync(Siren(5), default)).Entry!.Assimilated);
        Assert.False((await Store.LookupAsync(Siren(6), default)).Entry!.Assimilated);
    }

    [Fact]
    public async Task A_siren_listed_twice_keeps_its_last_row()
    {
        await Store.ReplaceAsync(Info(FebruaryList, 2), [new EsusListEntry(Siren(5), "PREMIER"), new EsusListEntry(Siren(5), "SECOND")], default);

        Assert.Equal("SECOND", (await Store.LookupAsync(Siren(5), default)).Entry?.Name);
    }

    [Fact]
    public async Task More_than_a_hundred_entries_of_one_partition_are_written_in_several_batches()
    {
        // Same last two digits: the same partition; 250 rows need three transactions.
        var numbers = Enumerable.Range(0, 250).Select(i => i * 100 + 42).ToList();

        await ImportAsync(FebruaryList, numbers, "ENTREPRISE");

        foreach (var n in numbers) Assert.Equal($"ENTREPRISE {n}", (await Store.LookupAsync(Siren(n), default)).Entry?.Name);
    }

    [Fact]
    public async Task A_new_import_replaces_the_list_and_deletes_the_old_version()
    {
        await ImportAsync(FebruaryList, Enumerable.Range(1, 30), "ANCIEN");
        await ImportAsync(JulyList, Enumerable.Range(21, 30), "NOUVEAU");

        Assert.Null((await Store.LookupAsync(Siren(5), default)).Entry);
        Assert.Equal("NOUVEAU 25", (await Store.LookupAsync(Siren(25), default)).Entry?.Name);
        Assert.Equal(JulyList, (await Store.GetInfoAsync(default))?.PublishedOn);
        var rows = await RowsAsync();
        Assert.Equal(30 + 2, rows.Count); // the new entries, the pointer, the new version's row
        Assert.All(rows.Where(r => r.PartitionKey != "meta"), r => Assert.StartsWith("NOUVEAU", r.GetString("Name"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_that_died_before_its_switch_is_cleaned_up_by_the_next_one()
    {
        var table = _host.Table(_host.EsusTable);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("meta", "version|0000000000-20200101000000000-dead") { ["Version"] = "0000000000-20200101000000000-dead" });
        await table.AddEntityAsync(new TableEntity("0000000000-20200101000000000-dead|07", "000000007") { ["Name"] = "ORPHELIN" });

        await ImportAsync(FebruaryList, Enumerable.Range(1, 3), "ACTUEL");

        Assert.DoesNotContain(await RowsAsync(), r => r.GetString("Name") == "ORPHELIN" || r.RowKey.Contains("dead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readers_during_imports_see_the_old_list_or_the_new_one_never_a_half_or_a_mix()
    {
        // Three lists over SIRENs 0–449, overlapping; each entry's name tells which list it belongs to.
        var lists = new (DateOnly PublishedOn, int From, int Count, string Name)[]
        {
            (FebruaryList, 0, 300, "FEVRIER"),
            (JulyList, 150, 300, "JUILLET"),
            (new DateOnly(2027, 2, 1), 50, 300, "FEVRIER27"),
        };
        await ImportAsync(lists[0].PublishedOn, Enumerable.Range(lists[0].From, lists[0].Count), lists[0].Name);

        var violations = new ConcurrentBag<string>();
        var seen = new ConcurrentDictionary<DateOnly, int>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                var n = random.Next(0, 450);
                var lookup = await Store.LookupAsync(Siren(n), CancellationToken.None);
                var list = lists.SingleOrDefault(l => l.PublishedOn == lookup.List?.PublishedOn);
                if (list == default) { violations.Add($"{n}: no or unknown list"); continue; }
                seen.AddOrUpdate(list.PublishedOn, 1, (_, c) => c + 1);
                var expected = n >= list.From && n < list.From + list.Count ? $"{list.Name} {n}" : null;
                if (lookup.Entry?.Name != expected || lookup.List!.RowCount != list.Count)
                    violations.Add($"{n}: list {list.Name} ({lookup.List!.RowCount} rows) answered {lookup.Entry?.Name ?? "absent"}");
            }
        })).ToList();

        await Wait.UntilAsync(() => seen.GetValueOrDefault(lists[0].PublishedOn) > 20);
        foreach (var list in lists.Skip(1))
        {
            await ImportAsync(list.PublishedOn, Enumerable.Range(list.From, list.Count), list.Name);
            var before = seen.GetValueOrDefault(list.PublishedOn);
            await Wait.UntilAsync(() => seen.GetValueOrDefault(list.PublishedOn) > before + 20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(violations);
        Assert.All(lists, l => Assert.True(seen.GetValueOrDefault(l.PublishedOn) > 0, $"no reader saw {l.Name}"));
    }

    [Fact]
    public async Task Of_two_concurrent_imports_one_list_ends_up_active_whole_and_the_other_leaves_no_rows()
    {
        await ImportAsync(FebruaryList, Enumerable.Range(0, 10), "INITIAL");

        var results = await Task.WhenAll(
            Capture(ImportAsync(JulyList, Enumerable.Range(100, 200), "JUILLET")),
            Capture(ImportAsync(new DateOnly(2026, 8, 1), Enumerable.Range(200, 200), "AOUT")));

        Assert.Contains(results, r => r is null);
        Assert.All(results.OfType<Exception>(), e => Assert.IsType<EsusListImportConflictException>(e));
        var active = await Store.GetInfoAsync(default);
        var name = active!.PublishedOn == JulyList ? "JUILLET" : "AOUT";
        var from = name == "JUILLET" ? 100 : 200;
        foreach (var n in Enumerable.Range(from, 200)) Assert.Equal($"{name} {n}", (await Store.LookupAsync(Siren(n), default)).Entry?.Name);
        var rows = await RowsAsync();
        Assert.Equal(200 + 2, rows.Count);
    }

    [Fact]
    public async Task A_reader_whose_version_is_deleted_between_its_two_reads_answers_from_the_new_version()
    {
        await ImportAsync(FebruaryList, Enumerable.Range(1, 30), "FEVRIER");
        var triggered = 0;
        var options = new TableClientOptions();
        // When the reader has read the pointer (February) and is about to read its entry, a July import switches and
        // deletes the February rows.
        options.AddPolicy(new BeforeRequestPolicy(async message =>
        {
            if (message.Request.Method == RequestMethod.Get
                && message.Request.Uri.ToString().Contains("RowKey='000000007'", StringComparison.Ordinal)
                && Interlocked.Exchange(ref triggered, 1) == 0)
                await ImportAsync(JulyList, Enumerable.Range(1, 30), "JUILLET");
        }), HttpPipelinePosition.PerCall);
        var reader = new TableEsusListStore(new TableServiceClient(Azurite.ConnectionString, options), _host.Get<IOptions<StorageOptions>>(),
            _host.Clock, NullLogger<TableEsusListStore>.Instance);

        var lookup = await reader.LookupAsync(Siren(7), default);

        Assert.Equal(1, triggered);
        Assert.Equal(JulyList, lookup.List?.PublishedOn);
        Assert.Equal("JUILLET 7", lookup.Entry?.Name);
    }

    private static async Task<Exception?> Capture(Task import)
    {
        try
        {
            await import;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
