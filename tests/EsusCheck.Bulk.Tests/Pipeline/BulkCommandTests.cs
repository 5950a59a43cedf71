using System.Text;
using EsusCheck.Bulk.Tests.Support;
using EsusCheck.Cli;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Configuration;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary><c>esuscheck bulk</c> run in-process, registries played by WireMock.</summary>
public sealed class BulkCommandTests : IDisposable
{
    private readonly RegistryStubs _stubs = new();
    private readonly Suppliers _suppliers = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("esuscheck-bulk-cli-").FullName;

    public BulkCommandTests() => _suppliers.Stage(_stubs);

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var settings = RegistryTestServices.Configuration(_stubs, marcheToken: true);
        settings["Cli:DataDirectory"] = Path.Combine(_folder, "data");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Bulk_writes_the_results_beside_the_file_and_prints_the_spaser_totals_in_french()
    {
        var path = Path.Combine(_folder, "achats.csv");
        await File.WriteAllBytesAsync(path, TestFiles.FrenchExcelCsv("N° SIRET;Montant HT", $"{_suppliers.Siae};1 000,00", $"{_suppliers.Company};3 000,00"));

        var (exit, output, _) = await RunAsync("bulk", path);
        File.WriteAllText("/tmp/cli-out.txt", output);

        Assert.Equal(ExitCodes.Ok, exit);
        var results = Path.Combine(_folder, "achats-resultats");
        Assert.True(File.Exists(Path.Combine(results, "achats-resultats.csv")));
        Assert.True(File.Exists(Path.Combine(results, "achats-resultats.xlsx")));
        Assert.True(File.Exists(Path.Combine(results, "summary.json")));
        Assert.Contains("Fichier traité", output, StringComparison.Ordinal);
        Assert.Contains("SIAE (marchés réservés L2113-13) : 1 fournisseur(s) (50 % des fournisseurs vérifiés), 1 000,00 € soit 25 % de la dépense.",
            output, StringComparison.Ordinal);
        var csv = await ResultFile.CsvAsync(await File.ReadAllBytesAsync(Path.Combine(results, "achats-resultats.csv")), TestFiles.Windows1252, ';');
        Assert.Equal(["vérifié", "vérifié"], csv.Column(ResultFile.Status));
    }

    [Fact]
    public async Task Bulk_with_an_output_folder_and_a_file_without_siret_column_says_why_and_exits_2()
    {
        var path = Path.Combine(_folder, "sans-siret.csv");
        await File.WriteAllBytesAsync(path, TestFiles.Utf8Csv("Nom;Ville", "A;Paris"));
        var output = Path.Combine(_folder, "ailleurs");

        var (exit, _, error) = await RunAsync("bulk", path, "--output", output);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Fichier refusé : Aucune colonne SIRET n'a été trouvée", error, StringComparison.Ordinal);
        Assert.Contains("(code : bulk_no_siret_column)", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "summary.json")));
    }

    [Fact]
    public async Task Bulk_on_a_missing_file_exits_2()
    {
        var (exit, _, error) = await RunAsync("bulk", Path.Combine(_folder, "absent.csv"));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Fichier introuvable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_is_a_file_is_refused_in_french_before_any_lookup()
    {
        var path = Path.Combine(_folder, "achats.csv");
        await File.WriteAllBytesAsync(path, TestFiles.Utf8Csv("SIRET", _suppliers.Siae));
        var notAFolder = Path.Combine(_folder, "resultats.txt");
        await File.WriteAllTextAsync(notAFolder, "déjà là");

        var (exit, _, error) = await RunAsync("bulk", path, "--output", notAFolder);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("est un fichier, pas un dossier", error, StringComparison.Ordinal);
        Assert.Contains("(code : output_not_a_folder)", error, StringComparison.Ordinal);
        Assert.Equal(0, _stubs.RequestCount(Registry.RechercheEntreprises, _suppliers.Siae));
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_created_is_refused_in_french_before_any_lookup()
    {
        var path = Path.Combine(_folder, "achats.csv");
        await File.WriteAllBytesAsync(path, TestFiles.Utf8Csv("SIRET", _suppliers.Siae));
        // Below a file: no folder can be made there, whoever runs the tests (root ignores permission bits).
        var blocker = Path.Combine(_folder, "bloque");
        await File.WriteAllTextAsync(blocker, "");

        var (exit, _, error) = await RunAsync("bulk", path, "--output", Path.Combine(blocker, "resultats"));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("ne peut pas être créé ni écrit", error, StringComparison.Ordinal);
        Assert.Contains("(code : output_not_writable)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Access", error, StringComparison.Ordinal);
        Assert.Equal(0, _stubs.RequestCount(Registry.RechercheEntreprises, _suppliers.Siae));
    }

    [Fact]
    public async Task Temporary_files_left_by_a_killed_run_are_removed_at_the_next_start()
    {
        var deadProcess = Enumerable.Range(4_000_000, 1000).First(pid => !IsRunning(pid));
        var stale = Path.Combine(Path.GetTempPath(), $"esuscheck-{deadProcess}-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(stale, "reste d'un traitement interrompu");
        var path = Path.Combine(_folder, "achats.csv");
        await File.WriteAllBytesAsync(path, TestFiles.Utf8Csv("SIRET", _suppliers.Siae));

        var (exit, _, _) = await RunAsync("bulk", path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.False(File.Exists(stale));

        static bool IsRunning(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        _stubs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
