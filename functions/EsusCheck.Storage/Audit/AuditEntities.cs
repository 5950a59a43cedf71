using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Storage.Tables;

namespace EsusCheck.Storage.Audit;

/// <summary>One audit row: partition = SIRET, row key = inverted ticks of the check time (so the natural ascending
/// order of row keys is newest first) plus a short random suffix (two checks in the same tick both stay).</summary>
internal static class AuditEntities
{
    private const string SiretProperty = "Siret";
    private const string CheckedAtProperty = "CheckedAt";
    private const string CpvProperty = "Cpv";
    private const string EssProperty = "Ess";
    private const string EsusProperty = "Esus";
    private const string ReservedContractsProperty = "ReservedContracts";
    private const string SourcesProperty = "Sources";
    private const string EsusListPublishedOnProperty = "EsusListPublishedOn";
    private const string RulesVersionProperty = "RulesVersion";
    private const string ClientIdProperty = "ClientId";

    /// <summary>A client id comes from the caller: bounded so that a row always fits its 64 KiB property limit.</summary>
    public const int MaxClientIdLength = 256;

    public static string RowKeyPrefix(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity From(AuditEntry entry) =>
        new(entry.Siret, RowKeyPrefix(entry.CheckedAt) + "-" + Guid.NewGuid().ToString("N")[..8])
        {
            [SiretProperty] = entry.Siret,
            [CheckedAtProperty] = entry.CheckedAt,
            [CpvProperty] = entry.Cpv,
            [EssProperty] = entry.Ess,
            [EsusProperty] = entry.Esus,
            [ReservedContractsProperty] = JsonSerializer.Serialize(entry.ReservedContracts),
            [SourcesProperty] = JsonSerializer.Serialize(entry.Sources),
            [EsusListPublishedOnProperty] = IsoDate.Write(entry.EsusListPublishedOn),
            [RulesVersionProperty] = entry.RulesVersion,
            [ClientIdProperty] = entry.ClientId is { Length: > MaxClientIdLength } id ? id[..MaxClientIdLength] : entry.ClientId,
        };

    public static AuditEntry To(TableEntity row) => new()
    {
        Siret = row.GetString(SiretProperty) ?? row.PartitionKey,
        CheckedAt = row.GetDateTimeOffset(CheckedAtProperty) ?? DateTimeOffset.MinValue,
        Cpv = row.GetString(CpvProperty),
        Ess = row.GetString(EssProperty) ?? "",
        Esus = row.GetString(EsusProperty) ?? "",
        ReservedContracts = Read<Dictionary<string, string>>(row.GetString(ReservedContractsProperty)) ?? [],
        Sources = Read<List<string>>(row.GetString(SourcesProperty)) ?? [],
        EsusListPublishedOn = IsoDate.Read(row.GetString(EsusListPublishedOnProperty)),
        RulesVersion = row.GetString(RulesVersionProperty) ?? "",
        ClientId = row.GetString(ClientIdProperty),
    };

    private static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
