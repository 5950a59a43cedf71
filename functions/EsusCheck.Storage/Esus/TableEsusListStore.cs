using Azure;
using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static EsusCheck.Storage.Esus.EsusListEntities;

namespace EsusCheck.Storage.Esus;

/// <summary>The DG Trésor ESUS list in Table Storage. An import writes a new version beside the active one, then
/// switches the active-version pointer (one entity, so the switch is atomic), then deletes older versions. A reader
/// reads the pointer, then the entry of that version: it sees the old list or the new one, never a half-loaded one.</summary>
public sealed class TableEsusListStore : IEsusListStore
{
    private readonly CreatedOnFirstUse<TableClient> _table;
    private readonly TimeProvider _clock;
    private readonly ILogger<TableEsusListStore> _logger;

    public TableEsusListStore(TableServiceClient service, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<TableEsusListStore> logger)
    {
        _table = CreatedOnFirstUse.Table(service, storage.Value.Tables.EsusList, storage.Value.CreateTables);
        _clock = clock;
        _logger = logger;
    }

    /// <summary>When storage cannot be read, the check goes on without the list (its evidence says the list could not
    /// be read and the ESUS verdict is unknown) rather than failing the whole answer.</summary>
    public async Task<EsusLookup> LookupAsync(Siren siren, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadLookupAsync(siren, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "ESUS list table {Table} unreadable; the check goes on without the list", _table.Client.Name);
            return EsusLookup.Unreadable;
        }
    }

    private async Task<EsusLookup> ReadLookupAsync(Siren siren, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var pointer = await ReadPointerAsync(table, cancellationToken);
        while (pointer is not null)
        {
            var (version, info) = pointer.Value;
            var row = await table.GetEntityIfExistsAsync<TableEntity>(EntryPartition(version, siren), siren.Value, cancellationToken: cancellationToken);
            if (row is { HasValue: true, Value: { } entry }) return new EsusLookup(info, EntryOf(siren, entry));

            // Absent from this version, or deleted because an import superseded it since the pointer was read:
            // only a version still active proves absence. Version ids are never reused, so this loop ends.
            var current = await ReadPointerAsync(table, cancellationToken);
            if (current?.Version == version) return new EsusLookup(info, null);
            pointer = current;
        }
        return EsusLookup.NoList;
    }

    public async Task<EsusListInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return (await ReadPointerAsync(table, cancellationToken))?.Info;
    }

    public async Task ReplaceAsync(EsusListInfo info, IReadOnlyCollection<EsusListEntry> entries, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var before = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, PointerRow, cancellationToken: cancellationToken);
        var version = NewVersion(before.HasValue ? VersionOf(before.Value!) : null, _clock.GetUtcNow());
        var bySiren = new Dictionary<string, EsusListEntry>(StringComparer.Ordinal);
        foreach (var entry in entries) bySiren[entry.Siren.Value] = entry;

        try
        {
            await table.AddEntityAsync(VersionRow(version, info), cancellationToken);
            await TableBatches.SubmitAsync(table,
                bySiren.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entry(version, e))),
                cancellationToken);
            await SwitchPointerAsync(table, before.HasValue ? before.Value : null, version, info, cancellationToken);
        }
        catch (Exception ex)
        {
            await TryDeleteVersionAsync(table, version);
            if (ex is RequestFailedException { Status: 409 or 412 } conflict)
                throw new EsusListImportConflictException(
                    "Une autre importation de la liste ESUS s'est terminée pendant celle-ci : celle-ci est abandonnée et la liste " +
                    "de l'autre importation reste active.", conflict);
            throw;
        }

        _logger.LogInformation("ESUS list version {Version} is active: {RowCount} SIRENs, published on {PublishedOn}",
            version, bySiren.Count, info.PublishedOn);
        await CleanUpOlderVersionsAsync(table, version);
    }

    /// <summary>The switch succeeds only if the pointer is still the one read when the import began: of two concurrent
    /// imports, the later switch fails instead of activating a version the other's clean-up may be deleting.</summary>
    private static async Task SwitchPointerAsync(TableClient table, TableEntity? before, string version, EsusListInfo info, CancellationToken cancellationToken)
    {
        var pointer = Pointer(version, info);
        if (before is null) await table.AddEntityAsync(pointer, cancellationToken);
        else await table.UpdateEntityAsync(pointer, before.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    private static async Task<(string Version, EsusListInfo Info)?> ReadPointerAsync(TableClient table, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, PointerRow, cancellationToken: cancellationToken);
        return row is { HasValue: true, Value: { } pointer } && VersionOf(pointer) is { } version && InfoOf(pointer) is { } info
            ? (version, info)
            : null;
    }

    /// <summary>Versions of a lower sequence than the active one: superseded lists and imports that died before their
    /// switch. Versions of the same sequence may be imports still loading and are left alone.</summary>
    private async Task CleanUpOlderVersionsAsync(TableClient table, string active)
    {
        try
        {
            var versions = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(
                               e => e.PartitionKey == MetaPartition && e.RowKey.CompareTo(VersionRowPrefix) > 0 && e.RowKey.CompareTo(VersionRowPrefix + "~") < 0))
                if (VersionOf(row) is { } version && SequenceOf(version) < SequenceOf(active)) versions.Add(version);
            foreach (var version in versions) await DeleteVersionAsync(table, version);
        }
        catch (Exception ex)
        {
            // The new list is active; leftovers are only storage and are retried by the next import.
            _logger.LogWarning(ex, "Older ESUS list versions could not all be deleted; the next import retries");
        }
    }

    private async Task TryDeleteVersionAsync(TableClient table, string version)
    {
        try
        {
            await DeleteVersionAsync(table, version);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Rows of the abandoned ESUS list version {Version} could not be deleted; the next import retries", version);
        }
    }

    private static async Task DeleteVersionAsync(TableClient table, string version)
    {
        var (from, to) = EntryPartitionRange(version);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(
                           e => e.PartitionKey.CompareTo(from) > 0 && e.PartitionKey.CompareTo(to) < 0, select: ["PartitionKey", "RowKey"]))
            rows.Add(row);
        await TableBatches.DeleteAsync(table, rows, CancellationToken.None);
        await table.DeleteEntityAsync(MetaPartition, VersionRowPrefix + version, ETag.All);
    }
}
