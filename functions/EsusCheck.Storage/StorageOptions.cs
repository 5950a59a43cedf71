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

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Create the tables on first use (harmless when the infrastructure created them already).</summary>
    public bool CreateTables { get; set; } = true;

    public StorageTableNames Tables { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(AccountName);
}

/// <summary>Configuration section <c>Storage:Tables</c>: table names (letters and digits, 3 to 63, a letter first).</summary>
public sealed class StorageTableNames
{
    public string FactsCache { get; set; } = "registrycache";
    public string EsusList { get; set; } = "esuslist";
    public string Audit { get; set; } = "checkaudit";
    /// <summary>The shared request log of registries whose quota belongs to a key (INSEE).</summary>
    public string RequestLog { get; set; } = "registryquota";
}
