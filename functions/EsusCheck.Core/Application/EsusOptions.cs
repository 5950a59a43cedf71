namespace EsusCheck.Core.Application;

/// <summary>Configuration section <c>Esus</c>.</summary>
public sealed class EsusOptions
{
    public const string Section = "Esus";

    /// <summary>Where the DG Trésor list comes from: an https URL or a file path (XLSX or CSV).</summary>
    public string? ListSource { get; set; }

    /// <summary>The list's publication date when the file does not say it (yyyy-MM-dd).</summary>
    public DateOnly? PublishedOn { get; set; }
}
