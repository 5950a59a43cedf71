using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EsusCheck.Functions.Http;

/// <summary>Query-string values, read strictly: a value we cannot read is a 400 that names it, never a silent default.</summary>
public static class QueryParameters
{
    public static bool TryParseBool(string name, string? value, out bool result, [NotNullWhen(false)] out ApiProblem? problem)
    {
        problem = null;
        result = false;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0": return true;
            case "true" or "1": result = true; return true;
            default:
                problem = ApiProblems.ParameterInvalid($"Le paramètre « {name} » vaut « {value} » : les valeurs admises sont true ou false.");
                return false;
        }
    }

    public static bool TryParseInt(string name, string? value, int defaultValue, int min, int max, out int result,
        [NotNullWhen(false)] out ApiProblem? problem)
    {
        problem = null;
        result = defaultValue;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max) return true;
        problem = ApiProblems.ParameterInvalid(
            $"Le paramètre « {name} » vaut « {value} » : il doit être un nombre entier compris entre {min} et {max}.");
        return false;
    }
}
