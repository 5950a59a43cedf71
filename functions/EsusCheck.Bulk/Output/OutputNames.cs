using System.Text;

namespace EsusCheck.Bulk.Output;

/// <summary>Result file names derive from the input's: « fournisseurs 2025.csv » → « fournisseurs-2025-resultats.csv ».</summary>
public static class OutputNames
{
    public const string Summary = "summary.json";

    public static string Csv(string inputName) => BaseName(inputName) + "-resultats.csv";

    public static string Xlsx(string inputName) => BaseName(inputName) + "-resultats.xlsx";

    public static string BaseName(string inputName)
    {
        var name = Path.GetFileNameWithoutExtension(inputName.Replace('\\', '/').Split('/')[^1]);
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '.') builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var clean = builder.ToString().Trim('-', '.');
        return clean.Length == 0 ? "fournisseurs" : clean[..Math.Min(clean.Length, 80)];
    }

    /// <summary>A safe blob name for an uploaded file: its own name cleaned, its extension kept.</summary>
    public static string ForUpload(string? fileName, bool xlsx)
    {
        var extension = xlsx ? ".xlsx" : ".csv";
        return BaseName(fileName ?? "") + extension;
    }
}
