namespace EsusCheck.Testing;

/// <summary>The storage settings every harness gives the app: the shared Azurite and tables (and containers) unique to
/// one test, so that tests never see each other's rows.</summary>
public static class StorageSettings
{
    public static Dictionary<string, string?> For(string prefix = "") => new Dictionary<string, string?>().WithStorage(prefix);

    /// <summary><see cref="For"/> plus the bulk pipeline's job table and output container.</summary>
    public static Dictionary<string, string?> ForBulk(string prefix = "") => For(prefix).WithBulkStorage(prefix);

    /// <summary>Adds (or overwrites) the storage keys in <paramref name="values"/> and returns it.</summary>
    public static Dictionary<string, string?> WithStorage(this Dictionary<string, string?> values, string prefix = "")
    {
        values["Storage:ConnectionString"] = Azurite.ConnectionString;
        values["Storage:Tables:FactsCache"] = Azurite.UniqueName(prefix + "cache");
        values["Storage:Tables:EsusList"] = Azurite.UniqueName(prefix + "esus");
        values["Storage:Tables:Audit"] = Azurite.UniqueName(prefix + "audit");
        values["Storage:Tables:RequestLog"] = Azurite.UniqueName(prefix + "quota");
        values["Reference:MarcheCopyTable"] = Azurite.UniqueName(prefix + "marche");
        values["Reference:FinessCopyTable"] = Azurite.UniqueName(prefix + "finess");
        values["Chat:ContextTable"] = Azurite.UniqueName(prefix + "chat");
        return values;
    }

    /// <summary>Adds the storage keys and the bulk pipeline's job table and output container (the input containers and
    /// the work queue keep the fixed names the triggers declare).</summary>
    public static Dictionary<string, string?> WithBulkStorage(this Dictionary<string, string?> values, string prefix = "")
    {
        values.WithStorage(prefix);
        values["Bulk:JobsTable"] = Azurite.UniqueName(prefix + "bulkjobs");
        values["Bulk:OutputContainer"] = Azurite.UniqueName(prefix + "bulk-out-");
        return values;
    }
}
