using System.Globalization;
using EsusCheck.Core.Facts;

namespace EsusCheck.Registries.Mapping;

/// <summary>Reading registry values the same way for every source.</summary>
internal static class RegistryValues
{
    // Recherche d'entreprises masks with « [NON-DIFFUSIBLE] », INSEE with « [ND] » (registries.md §1, §3).
    private static readonly string[] Masks = ["[NON-DIFFUSIBLE]", "[ND]"];

    public static bool IsMasked(string? value) => value is not null && Masks.Any(m => value.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value, or null when absent, blank or masked.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) || IsMasked(value) ? null : value.Trim();

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(Clean(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Kinds named in a comma-joined string (« EI, ACI »); unknown names are returned apart to be logged.</summary>
    public static (IReadOnlyList<InclusionKind> Kinds, IReadOnlyList<string> Unknown) Kinds(string? joined)
    {
        var kinds = new List<InclusionKind>();
        var unknown = new List<string>();
        foreach (var name in (joined ?? "").Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Kind(name) is { } kind) { if (!kinds.Contains(kind)) kinds.Add(kind); }
            else unknown.Add(name);
        }
        return (kinds, unknown);
    }

    public static InclusionKind? Kind(string? name) =>
        Enum.TryParse<InclusionKind>(name?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _)
            ? kind
            : null;
}
