using System.Globalization;
using Azure;
using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Quota;

/// <summary>The request log shared by every instance and process: one entity per registry holding the times of the
/// requests of the last window, updated with ETag concurrency (a writer that lost the race reads again and
/// recounts), so that together they never send more than the registry's quota in any sliding window.</summary>
public sealed class TableRequestLog(TableServiceClient service, IOptions<StorageOptions> storage, TimeProvider clock) : IRequestLog
{
    private const string Partition = "requestlog";
    private const string TimesProperty = "Times";
    private readonly CreatedOnFirstUse<TableClient> _table = CreatedOnFirstUse.Table(service, storage.Value.Tables.RequestLog, storage.Value.CreateTables);

    public async Task<TimeSpan> TryTakeAsync(string registry, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, registry, cancellationToken: cancellationToken);
            var now = clock.GetUtcNow();
            var times = row.HasValue && row.Value is { } entity ? Parse(entity.GetString(TimesProperty)) : [];
            times.RemoveAll(t => now - t >= window);
            if (times.Count >= permits) return times.Min() + window - now;

            times.Add(now);
            var updated = new TableEntity(Partition, registry) { [TimesProperty] = Format(times) };
            try
            {
                if (row.HasValue && row.Value is { } existing)
                    await table.UpdateEntityAsync(updated, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                else
                    await table.AddEntityAsync(updated, cancellationToken);
                return TimeSpan.Zero;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance counted a request in between: read its count and decide again.
            }
        }
    }

    private static List<DateTimeOffset> Parse(string? times) =>
        string.IsNullOrEmpty(times)
            ? []
            : times.Split(',').Select(t => new DateTimeOffset(long.Parse(t, CultureInfo.InvariantCulture), TimeSpan.Zero)).ToList();

    private static string Format(List<DateTimeOffset> times) =>
        string.Join(',', times.Select(t => t.UtcTicks.ToString(CultureInfo.InvariantCulture)));
}
