namespace EsusCheck.Registries.Esus;

/// <summary>Configuration section <c>Esus:Import</c>: the limits a list file must respect before it is read. The real
/// list weighs a few hundred kilobytes; the defaults leave a wide margin.</summary>
public sealed class EsusImportOptions
{
    public const string Section = "Esus:Import";

    /// <summary>The largest file accepted, as downloaded or uploaded.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The largest total uncompressed size of the entries of an XLSX file.</summary>
    public long MaxUncompressedBytes { get; set; } = 200 * 1024 * 1024;

    /// <summary>The highest uncompressed/compressed ratio of an XLSX file, checked once it holds more than
    /// <see cref="RatioCheckFromBytes"/> (tiny parts compress very well and mean nothing).</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    public long RatioCheckFromBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a download of <c>Esus:ListSource</c> may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
