using System.Text.Json.Serialization;
using EsusCheck.Core.Reports;

namespace EsusCheck.Bulk.Processing;

[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    [JsonStringEnumMemberName("checked")] Checked,
    [JsonStringEnumMemberName("invalid_input")] InvalidInput,
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("unavailable")] Unavailable,
    /// <summary>The check failed again and again (a bug, a storage outage): settled so that the job can finish.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>The outcome of one distinct check, kept as the checkpoint of a chunk and joined back to every row that
/// shares it. Only what the result columns and the SPASER totals need: the full report is in the audit history.</summary>
public sealed record BulkItemResult
{
    public required string Key { get; init; }
    public required ItemStatus Status { get; init; }
    public string? Code { get; init; }
    /// <summary>Why there is no verdict (French), for every status but <see cref="ItemStatus.Checked"/>.</summary>
    public string? Message { get; init; }
    /// <summary>The establishment checked (the head office when a SIREN was given).</summary>
    public string? Siret { get; init; }
    public string? Name { get; init; }
    public string? LegalForm { get; init; }
    /// <summary>The company is ceased or the establishment closed (then not eligible anywhere), and since when if known.</summary>
    public bool Closed { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public EssStatus? Ess { get; init; }
    public EsusStatus? Esus { get; init; }
    public ContractStatus? L2113_12 { get; init; }
    public ContractStatus? L2113_13 { get; init; }
    public ContractStatus? L2113_13_1 { get; init; }
    public ContractStatus? L2113_15 { get; init; }
    /// <summary>The reasons a buyer needs to act on (warnings, ESS, ESUS, articles not ruled out), in French.</summary>
    public string? Reasons { get; init; }
    /// <summary>For each article not ruled out, the conditions left to the buyer (French), « L2113-15 : … | … ».</summary>
    public string? Conditions { get; init; }
    public DateTimeOffset CheckedAt { get; init; }

    public bool IsError => Status != ItemStatus.Checked;
}
