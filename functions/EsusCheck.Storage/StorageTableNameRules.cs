using System.Text.RegularExpressions;

namespace EsusCheck.Storage;

internal static partial class StorageTableNameRules
{
    public const string Message =
        "Storage:Tables:* must be table names of 3 to 63 letters and digits starting with a letter (and not « tables »).";

    public static bool AreValid(StorageTableNames names) =>
        new[] { names.FactsCache, names.EsusList, names.Audit, names.RequestLog }.All(IsValid);

    private static bool IsValid(string? name) =>
        name is not null && TableName().IsMatch(name) && !name.Equals("tables", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
