using Spectre.Console;
using Spectre.Console.Cli;

namespace EsusCheck.Cli.Commands;

/// <summary>The file a command reads must exist before anything else is asked.</summary>
internal static class InputFile
{
    public static ValidationResult MustExist(string path) => File.Exists(path)
        ? ValidationResult.Success()
        : UsageErrors.Invalid("Fichier introuvable", $"« {path} » n'existe pas.", "file_not_found");
}
