using System.Text.Json;
using EsusCheck.Core.Reports;

namespace EsusCheck.Storage.Tests.Support;

/// <summary>Reads a report's evidence the way a client of the public contract does: from its JSON.</summary>
public static class ReportEvidence
{
    public static JsonElement Of(EligibilityReport report, string source)
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        return json.RootElement.GetProperty("evidence").EnumerateArray()
            .Single(e => e.GetProperty("source").GetString() == source).Clone();
    }

    public static bool FromCache(this JsonElement evidence) => evidence.GetProperty("fromCache").GetBoolean();
    public static bool Stale(this JsonElement evidence) => evidence.GetProperty("stale").GetBoolean();
    public static DateTimeOffset RetrievedAt(this JsonElement evidence) => evidence.GetProperty("retrievedAt").GetDateTimeOffset();
    public static string? Outcome(this JsonElement evidence) => evidence.GetProperty("outcome").GetString();
}
