using System.Globalization;
using Azure.Data.Tables;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Tables;

namespace EsusCheck.Storage.Esus;

/// <summary>The rows of the ESUS list table. Partition <c>meta</c> holds the active-version pointer (<c>active</c>)
/// and one row per imported version (<c>version|{id}</c>); entries live in <c>{id}|{bucket}</c> partitions
/// (bucket = the SIREN's last two digits, spreading reads over 100 partitions) with the SIREN as row key.</summary>
internal static class EsusListEntities
{
    public const string MetaPartition = "meta";
    public const string PointerRow = "active";
    public const string VersionRowPrefix = "version|";

    private const string VersionProperty = "Version";
    private const string PublishedOnProperty = "PublishedOn";
    private const string RowCountProperty = "RowCount";
    private const string ImportedAtProperty = "ImportedAt";
    private const string SourceProperty = "Source";
    private const string NameProperty = "Name";
    private const string AccreditedOnProperty = "AccreditedOn";
    private const string ExpiresOnProperty = "ExpiresOn";
    private const string DepartmentProperty = "Department";
    private const string AssimilatedProperty = "Assimilated";

    /// <summary>Far below the 64 KiB property limit, far above any real company name.</summary>
    private const int MaxTextLength = 2000;

    /// <summary>A sequence one above the version active when the import began, then the time and a random suffix
    /// (unique across importers). Clean-up deletes only versions of a lower sequence than the active one: an import
    /// that began after the switch has the same sequence and is left to finish (its own switch then fails).</summary>
    public static string NewVersion(string? activeVersion, DateTimeOffset now) =>
        (SequenceOf(activeVersion) + 1).ToString("D10", CultureInfo.InvariantCulture) + "-" +
        now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The sequence of a version id; 0 for no version or an id not written by this code.</summary>
    public static long SequenceOf(string? version) =>
        version is { Length: > 10 } && long.TryParse(version.AsSpan(0, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;

    public static string EntryPartition(string version, Siren siren) => $"{version}|{siren.Value[^2..]}";

    /// <summary>Every entry partition of a version sorts between these two keys.</summary>
    public static (string From, string To) EntryPartitionRange(string version) => ($"{version}|", $"{version}}}");

    public static TableEntity Pointer(string version, EsusListInfo info) => Info(new TableEntity(MetaPartition, PointerRow), version, info);

    public static TableEntity VersionRow(string version, EsusListInfo info) =>
        Info(new TableEntity(MetaPartition, VersionRowPrefix + version), version, info);

    public static string? VersionOf(TableEntity metaRow) => metaRow.GetString(VersionProperty);

    public static EsusListInfo? InfoOf(TableEntity metaRow) =>
        IsoDate.Read(metaRow.GetString(PublishedOnProperty)) is { } publishedOn
        && metaRow.GetInt32(RowCountProperty) is { } rowCount
        && metaRow.GetDateTimeOffset(ImportedAtProperty) is { } importedAt
            ? new EsusListInfo(publishedOn, rowCount, importedAt, metaRow.GetString(SourceProperty) ?? "")
            : null;

    public static TableEntity Entry(string version, EsusListEntry entry) => new(EntryPartition(version, entry.Siren), entry.Siren.Value)
    {
        [NameProperty] = Truncate(entry.Name),
        [AccreditedOnProperty] = IsoDate.Write(entry.AccreditedOn),
        [ExpiresOnProperty] = IsoDate.Write(entry.ExpiresOn),
        [DepartmentProperty] = Truncate(entry.Department),
        [AssimilatedProperty] = entry.Assimilated,
    };

    public static EsusListEntry EntryOf(Siren siren, TableEntity row) => new(
        siren,
        row.GetString(NameProperty),
        IsoDate.Read(row.GetString(AccreditedOnProperty)),
        IsoDate.Read(row.GetString(ExpiresOnProperty)),
        row.GetString(DepartmentProperty),
        row.GetBoolean(AssimilatedProperty) ?? false);

    private static TableEntity Info(TableEntity row, string version, EsusListInfo info)
    {
        row[VersionProperty] = version;
        row[PublishedOnProperty] = IsoDate.Write(info.PublishedOn);
        row[RowCountProperty] = info.RowCount;
        row[ImportedAtProperty] = info.ImportedAt;
        row[SourceProperty] = Truncate(info.Source);
        return row;
    }

    private static string? Truncate(string? value) => value is { Length: > MaxTextLength } ? value[..MaxTextLength] : value;
}
