using System.Text.RegularExpressions;

namespace EsusCheck.Core.Tests.Docs;

/// <summary>docs/architecture.md names folders a newcomer will look for: its layout and "where does a change go" tables
/// must name folders that exist, and every production project (and each of its folders) must be there.</summary>
public sealed partial class ArchitectureDocTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string[] Doc = File.ReadAllLines(Path.Combine(Root, "docs", "architecture.md"));

    [Fact]
    public void Every_folder_the_layout_table_names_exists()
    {
        var missing = LayoutRows()
            .SelectMany(row => row.Folders.Select(folder => IsRooted(folder) ? folder : row.Project + folder).Prepend(row.Project))
            .Where(folder => !Directory.Exists(Path.Combine(Root, folder)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_folder_the_change_table_names_exists()
    {
        var folders = Rows(Section("## Where does a change go")).SelectMany(cells => Folders(string.Join('|', cells))).ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, folder => Assert.True(IsRooted(folder), $"{folder} is not a path from the repository root"));
        var missing = folders.Where(folder => !Directory.Exists(Path.Combine(Root, folder))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_production_project_and_its_folders_are_in_the_layout_table()
    {
        var rows = LayoutRows().ToDictionary(row => row.Project);
        var unlisted = new List<string>();
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "functions")).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0))
        {
            var folder = "functions/" + Path.GetFileName(project) + "/";
            if (!rows.TryGetValue(folder, out var row)) { unlisted.Add(folder); continue; }
            unlisted.AddRange(Directory.GetDirectories(Path.Combine(Root, folder))
                .Select(Path.GetFileName)
                .Where(name => name is not ("bin" or "obj"))
                .Where(name => !row.Folders.Contains(name + "/"))
                .Select(name => folder + name + "/"));
        }

        Assert.Empty(unlisted);
    }

    private sealed record LayoutRow(string Project, IReadOnlyList<string> Folders);

    private static IEnumerable<LayoutRow> LayoutRows() =>
        Rows(Section("## Layout")).Select(cells => new LayoutRow(Folders(cells[0]).Single(), Folders(cells[1]).ToList()));

    private static IEnumerable<string> Section(string heading) =>
        Doc.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));

    /// <summary>The body rows of the section's table, as cells (header and separator skipped).</summary>
    private static IEnumerable<string[]> Rows(IEnumerable<string> section) =>
        section.Where(line => line.StartsWith('|')).Skip(2)
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());

    /// <summary>Backticked names ending in <c>/</c>: folders.</summary>
    private static IEnumerable<string> Folders(string text) =>
        FolderName().Matches(text).Select(match => match.Groups[1].Value);

    private static bool IsRooted(string folder) =>
        folder.StartsWith("functions/", StringComparison.Ordinal) || folder.StartsWith("tests/", StringComparison.Ordinal)
        || folder == "infra/";

    [GeneratedRegex(@"`([\w./-]+/)`")]
    private static partial Regex FolderName();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EsusCheck.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("EsusCheck.sln not found above the test binaries.");
    }
}
