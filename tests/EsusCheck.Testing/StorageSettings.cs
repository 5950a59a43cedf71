namespace EsusCheck.Testing;

/// <summary>The storage settings every harness gives the app: the shared Azurite and tables unique to one test.</summary>
public static class StorageSettings
{
    public static Dictionary<string, string?> For(string prefix = "") => new Dictionary<string, string?>().WithStorage(prefix);

    /// <summary>Adds (or overwrites) the storage keys in <paramref name="values"/> and returns it.</summary>
    public static Dictionary<string, string?> WithStorage(this Dictionary<string, string?> values, string prefix = "")
    {
        values["Storage:ConnectionString"] = Azurite.ConnectionString;
        values["Storage:Tables:FactsCache"] = Azurite.UniqueName(prefix + "cache");
        values["Storage:Tables:EsusList"] = Azurite.UniqueName(prefix + "esus");
        values["Storage:Tables:Audit"] = Azurite.UniqueName(prefix + "audit");
        values["Chat:ContextTable"] = Azurite.UniqueName(prefix + "chat");
        return values;
    }

    /// <summary>The storage settings plus the bulk pipeline's job table and output container, unique to one test (the
    /// input containers and the work queue keep the fixed names the triggers declare).</summary>
    public static Dictionary<string, string?> ForBulk(string prefix = "")
    {
        var values = For(prefix);
        values["Bulk:JobsTable"] = Azurite.UniqueName(prefix + "bulkjobs");
        values["Bulk:OutputContainer"] = Azurite.UniqueName(prefix + "bulk-out-");
        return values;
    }
}
