namespace EsusCheck.Cli;

/// <summary>Configuration section <c>Cli</c>.</summary>
public sealed class CliOptions
{
    public const string Section = "Cli";

    /// <summary>Where the CLI keeps the imported ESUS list. Default: the user's local data folder + <c>esuscheck</c>
    /// (<c>~/.local/share/esuscheck</c> on Linux, <c>%LOCALAPPDATA%\esuscheck</c> on Windows).</summary>
    public string? DataDirectory { get; set; }

    public string ResolvedDataDirectory
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(DataDirectory)) return Path.GetFullPath(DataDirectory);
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetFullPath(".esuscheck") : local, "esuscheck");
        }
    }
}
