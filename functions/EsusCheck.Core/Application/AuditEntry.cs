using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Application;

/// <summary>One check as the audit history keeps it: what was answered, from which data, for whom.</summary>
public sealed record AuditEntry
{
    public required string Siret { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
    public string? Cpv { get; init; }
    public required string Ess { get; init; }
    public required string Esus { get; init; }
    /// <summary>Article → status, e.g. { "L2113-13": "eligible" }.</summary>
    public required IReadOnlyDictionary<string, string> ReservedContracts { get; init; }
    /// <summary>Each source used, with its retrieval date and whether it came from cache or was stale.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
    public DateOnly? EsusListPublishedOn { get; init; }
    public required string RulesVersion { get; init; }
    public string? ClientId { get; init; }

    public static AuditEntry From(EligibilityReport report, string? clientId) => new()
    {
        Siret = report.Siret,
        CheckedAt = report.CheckedAt,
        Cpv = report.Cpv,
        Ess = Json(report.Ess.Status),
        Esus = Json(report.Esus.Status),
        ReservedContracts = report.ReservedContracts.ToDictionary(c => c.Article.ToArticle(), c => Json(c.Status)),
        Sources = report.Evidence
            .Select(e => $"{e.Source}:{e.Outcome}@{e.RetrievedAt:O}{(e.FromCache ? ":cache" : "")}{(e.Stale ? ":stale" : "")}")
            .ToList(),
        EsusListPublishedOn = report.Esus.ListPublishedOn,
        RulesVersion = report.RulesVersion,
        ClientId = clientId,
    };

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ReportJson.Options).Trim('"');
}
