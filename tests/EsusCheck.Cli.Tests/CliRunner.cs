using EsusCheck.Cli;
using EsusCheck.Core.Reports;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Cli.Tests;

/// <summary>What one in-process run of <c>esuscheck</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Asserts the exit code and that stdout contains every text.</summary>
    public CliRun StdoutHas(int exitCode, params string[] texts) => Assert(exitCode, Stdout, texts);

    /// <summary>Asserts the exit code and that stderr contains every text.</summary>
    public CliRun StderrHas(int exitCode, params string[] texts) => Assert(exitCode, Stderr, texts);

    /// <summary>Asserts an error for a person: the exit code, nothing on stdout, stderr starting with
    /// <paramref name="start"/> and naming the stable <paramref name="code"/>.</summary>
    public CliRun Failed(int exitCode, string start, string code)
    {
        StderrHas(exitCode, $"(code : {code})");
        Xunit.Assert.StartsWith(start, Stderr, StringComparison.Ordinal);
        Xunit.Assert.Empty(Stdout);
        return this;
    }

    /// <summary>Asserts exit code 0 and reads the <c>--json</c> report.</summary>
    public EligibilityReport Report()
    {
        Xunit.Assert.Equal(ExitCodes.Ok, ExitCode);
        return ReportJson.Deserialize(Stdout)!;
    }

    private CliRun Assert(int exitCode, string output, string[] texts)
    {
        Xunit.Assert.Equal(exitCode, ExitCode);
        foreach (var text in texts) Xunit.Assert.Contains(text, output, StringComparison.Ordinal);
        return this;
    }
}

/// <summary>Runs the CLI in-process with its own data folder (so the remembered ESUS list is this test's own) and the
/// given configuration on top.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly Dictionary<string, string?> _settings;

    public CliRunner(Dictionary<string, string?>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("esuscheck-cli-").FullName;
        _settings = new Dictionary<string, string?>(settings ?? []) { ["Cli:DataDirectory"] = DataDirectory };
    }

    public string DataDirectory { get; }

    public string Set(string key, string? value) => _settings[key] = value ?? "";

    /// <summary>A file in this run's temporary folder.</summary>
    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(DataDirectory, "input", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var overrides = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var exitCode = await CliApp.RunAsync(args, overrides, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(DataDirectory, recursive: true);
}
