using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Reference;
using EsusCheck.Storage.Reference;
using EsusCheck.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The Marché copy table on Azurite: versions replace each other whole and leave nothing behind.</summary>
public sealed class TableMarcheCopyStoreTests : IDisposable
{
    private readonly TableClient _table = Azurite.Tables().GetTableClient(Azurite.UniqueName("marche"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 10, 3, 30, 0, TimeSpan.Zero));

    private TableMarcheCopyStore Store() => new(_table, _clock, NullLogger<TableMarcheCopyStore>.Instance);

    private static Siret SiretOf(string value) => IdentifierParser.ParseSiret(value).Value!.Value;

    private static MarcheCopyEntry Structure(long id, string siret, InclusionKind kind) => new(id, siret, kind, $"Structure {id}", true, "13");

    [Fact]
    public async Task Without_a_copy_a_lookup_says_so()
    {
        var lookup = await Store().FindAsync(SiretOf("53374499100035"), default);

        Assert.Null(lookup.Copy);
        Assert.Empty(lookup.Structures);
    }

    [Fact]
    public async Task A_new_copy_replaces_the_old_one_whole_and_its_rows_are_deleted()
    {
        var store = Store();
        var first = new MarcheCopyInfo(_clock.GetUtcNow(), 3, SourceNames.MarcheInclusion);
        await store.ReplaceAsync(first, [
            Structure(1851, "53374499100035", InclusionKind.EI),
            Structure(1852, "53374499100035", InclusionKind.ACI),
            Structure(2001, "88087814500015", InclusionKind.ESAT),
        ], default);
        var rowsOfOneCopy = await CountRowsAsync();

        _clock.Advance(TimeSpan.FromDays(1));
        var second = new MarcheCopyInfo(_clock.GetUtcNow(), 2, SourceNames.MarcheInclusion);
        await store.ReplaceAsync(second, [
            Structure(1851, "53374499100035", InclusionKind.EI),
            Structure(3000, "55203253400646", InclusionKind.EA),
        ], default);

        var iddee = await store.FindAsync(SiretOf("53374499100035"), default);
        Assert.Equal(second, iddee.Copy);
        Assert.Equal([InclusionKind.EI], iddee.Structures.Select(s => s.Kind));
        Assert.Empty((await store.FindAsync(SiretOf("88087814500015"), default)).Structures);
        Assert.Equal(InclusionKind.EA, Assert.Single((await store.FindAsync(SiretOf("55203253400646"), default)).Structures).Kind);
        Assert.Equal(second, await store.GetInfoAsync(default));
        // Pointer + version marker + one row per structure: the first copy left nothing.
        Assert.Equal(rowsOfOneCopy - 1, await CountRowsAsync());
    }

    [Fact]
    public async Task A_lookup_reads_what_a_structure_was_copied_with()
    {
        var store = Store();
        var updated = new DateTimeOffset(2024, 5, 13, 15, 11, 43, TimeSpan.Zero);
        await store.ReplaceAsync(new MarcheCopyInfo(_clock.GetUtcNow(), 1, SourceNames.MarcheInclusion),
            [new MarcheCopyEntry(2001, "88087814500015", InclusionKind.ESAT, "ESAT des Calanques", false, "13", updated)], default);

        var structure = Assert.Single((await Store().FindAsync(SiretOf("88087814500015"), default)).Structures);

        Assert.Equal(new MarcheCopyEntry(2001, "88087814500015", InclusionKind.ESAT, "ESAT des Calanques", false, "13", updated), structure);
    }

    private async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
        return count;
    }

    public void Dispose() => _table.Delete();
}
