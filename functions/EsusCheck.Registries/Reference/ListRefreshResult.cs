using EsusCheck.Core.Telemetry;

namespace EsusCheck.Registries.Reference;

/// <summary>How the refresh of one reference list ended, for the log, the metric and whoever asked.
/// <see cref="Code"/> is stable snake_case for programs; <see cref="Message"/> is French for people.</summary>
public sealed record ListRefreshResult(
    string List,
    RefreshOutcome Outcome,
    string Code,
    string Message,
    int? Count = null,
    IReadOnlyList<string>? Warnings = null)
{
    public static class Lists
    {
        public const string Esus = "esus";
        public const string Marche = "marche";
        public const string Finess = "finess";
    }

    public static class Codes
    {
        public const string Refreshed = "refreshed";
        public const string NoUrl = "no_url";
        public const string NoToken = "no_token";
        public const string Disabled = "disabled";
        public const string SourceFailed = "source_failed";
        public const string Rejected = "rejected";
        public const string TooSmall = "too_small";
        public const string StoreFailed = "store_failed";
    }
}

/// <summary>Whether the list in use is past its due date (ESUS: 1 February and 1 July; Marché copy: its maximum age).</summary>
public sealed record ListStaleness(string List, bool Stale, string Message, DateOnly? PublishedOn = null, DateOnly? DueOn = null);

/// <summary>One nightly refresh: each list's result and the staleness of what is in use afterwards.</summary>
public sealed record ReferenceRefreshReport(IReadOnlyList<ListRefreshResult> Results, IReadOnlyList<ListStaleness> Staleness)
{
    public bool AnyFailed => Results.Any(r => r.Outcome == RefreshOutcome.Failed);
    public bool AnyStale => Staleness.Any(s => s.Stale);
}
