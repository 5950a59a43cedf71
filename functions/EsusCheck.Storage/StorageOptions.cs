namespace EsusCheck.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A storage connection string (Azurite locally). When empty, <see cref="AccountName"/> is used with a
    /// managed identity; when both are empty, nothing is stored (CLI on a laptop).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account name for identity-based access (Azure), e.g. <c>stesuscheck</c>.</summary>
    public string? AccountName { get; set; }
}
