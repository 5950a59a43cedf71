namespace EsusCheck.Storage.Audit;

/// <summary>Configuration section <c>Audit</c>: how much history is kept per SIRET.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The newest rows kept per SIRET; older ones are deleted when a check is recorded.</summary>
    public int MaxRowsPerSiret { get; set; } = 500;

    /// <summary>Rows older than this are deleted when a check of the same SIRET is recorded. About five years by default,
    /// so that a buyer can still show, long after an award, what the tool answered that day.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(5 * 365 + 2);
}
