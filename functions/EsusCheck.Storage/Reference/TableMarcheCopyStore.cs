using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Storage.Reference;

/// <summary>The Marché copy in Table Storage. A replacement writes a new version beside the active one, switches the
/// pointer row (one entity: the switch is atomic, and conditional on the pointer read at the start, so of two
/// concurrent copies the later one gives way), then deletes older versions. A reader reads the pointer, then the rows
/// of that version: the old copy or the new one, never a mix.
/// Rows: PartitionKey <c>{version}|{first 3 SIRET digits}</c> (about 1,000 partitions, so ~11,000 structures are
/// written in ~1,000 transactions), RowKey <c>{siret}|{id}</c>.</summary>
public sealed class TableMarcheCopyStore(TableClient table, TimeProvider clock, ILogger<TableMarcheCopyStore> logger) : IMarcheCopyStore
{
    private const string Meta = "meta";
    private const string PointerRow = "active";
    private const string VersionPrefix = "version-";
    private readonly CreatedOnFirstUse<TableClient> _created = CreatedOnFirstUse.Table(() => table);

    public async Task<MarcheCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var pointer = await ReadPointerAsync(cancellationToken);
        while (pointer is not null)
        {
            var (version, info) = pointer.Value;
            var rows = new List<MarcheCopyEntry>();
            var from = siret.Value + "|";
            await foreach (var row in table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == Partition(version, siret.Value) && e.RowKey.CompareTo(from) > 0 && e.RowKey.CompareTo(siret.Value + "|~") < 0,
                               cancellationToken: cancellationToken))
                rows.Add(StructureOf(row));
            if (rows.Count > 0) return new MarcheCopyLookup(info, rows);

            // No row: absent from this version, or the version was deleted by a newer copy since the pointer was read.
            var current = await ReadPointerAsync(cancellationToken);
            if (current?.Version == version) return new MarcheCopyLookup(info, []);
            pointer = current;
        }
        return MarcheCopyLookup.NoCopy;
    }

    public async Task<MarcheCopyInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return (await ReadPointerAsync(cancellationToken))?.Info;
    }

    public async Task ReplaceAsync(MarcheCopyInfo info, IReadOnlyCollection<MarcheCopyEntry> structures, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var before = await table.GetEntityIfExistsAsync<TableEntity>(Meta, PointerRow, cancellationToken: cancellationToken);
        var version = clock.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await table.AddEntityAsync(new TableEntity(Meta, VersionPrefix + version), cancellationToken);
            await TableBatches.SubmitAsync(table,
                structures.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(version, s))), cancellationToken);

            var pointer = Pointer(version, info);
            if (before.HasValue) await table.UpdateEntityAsync(pointer, before.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            else await table.AddEntityAsync(pointer, cancellationToken);
        }
        catch
        {
            await TryDeleteVersionAsync(version);
            throw;
        }
        await DeleteOlderVersionsAsync(version);
    }

    private async Task DeleteOlderVersionsAsync(string active)
    {
        try
        {
            var older = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == Meta && e.RowKey.CompareTo(VersionPrefix) > 0 && e.RowKey.CompareTo(VersionPrefix + "~") < 0))
            {
                var version = row.RowKey[VersionPrefix.Length..];
                if (string.CompareOrdinal(version, active) < 0) older.Add(version);
            }
            foreach (var version in older) await DeleteVersionAsync(version);
        }
        catch (RequestFailedException ex)
        {
            // The new copy is active; leftovers only cost storage and the next copy deletes them.
            logger.LogWarning(ex, "Older Marché copy versions could not all be deleted; the next copy retries");
        }
    }

    private async Task TryDeleteVersionAsync(string version)
    {
        try
        {
            await DeleteVersionAsync(version);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Rows of the abandoned Marché copy version {Version} could not be deleted; the next copy retries", version);
        }
    }

    private async Task DeleteVersionAsync(string version)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(
                           e => e.PartitionKey.CompareTo(version + "|") > 0 && e.PartitionKey.CompareTo(version + "|~") < 0,
                           select: ["PartitionKey", "RowKey"]))
            rows.Add(row);
        await TableBatches.DeleteAsync(table, rows, CancellationToken.None);
        await table.DeleteEntityAsync(Meta, VersionPrefix + version, ETag.All);
    }

    private async Task<(string Version, MarcheCopyInfo Info)?> ReadPointerAsync(CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Meta, PointerRow, cancellationToken: cancellationToken);
        if (row is not { HasValue: true, Value: { } p } || p.GetString("Version") is not { } version) return null;
        return (version, new MarcheCopyInfo(p.GetDateTimeOffset("CopiedAt") ?? default, p.GetInt32("StructureCount") ?? 0, p.GetString("Source") ?? ""));
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken) => await _created.GetAsync(cancellationToken);

    private static string Partition(string version, string siret) => $"{version}|{siret[..3]}";

    private static TableEntity Pointer(string version, MarcheCopyInfo info) => new(Meta, PointerRow)
    {
        ["Version"] = version,
        ["CopiedAt"] = info.CopiedAt,
        ["StructureCount"] = info.StructureCount,
        ["Source"] = info.Source,
    };

    private static TableEntity Row(string version, MarcheCopyEntry s) => new(Partition(version, s.Siret), $"{s.Siret}|{s.Id}")
    {
        ["Id"] = s.Id,
        ["Siret"] = s.Siret,
        ["Kind"] = s.Kind.ToString(),
        ["Name"] = s.Name,
        ["IsActive"] = s.IsActive,
        ["Department"] = s.Department,
        ["UpdatedAt"] = s.UpdatedAt,
    };

    private static MarcheCopyEntry StructureOf(TableEntity row) => new(
        row.GetInt64("Id") ?? 0,
        row.GetString("Siret") ?? "",
        Enum.Parse<InclusionKind>(row.GetString("Kind") ?? nameof(InclusionKind.EI)),
        row.GetString("Name"),
        row.GetBoolean("IsActive") ?? true,
        row.GetString("Department"),
        row.GetDateTimeOffset("UpdatedAt"));
}
