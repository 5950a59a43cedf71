using EsusCheck.Testing.Esus;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Benchmarks;

/// <summary>The registry stub the example outputs of README.md and docs/cli.md are captured against: WireMock playing
/// the registries with the fictitious « ATELIER DES LILAS » (a SCOP, ESS, type_siae « EI, ACI »), an unknown SIRET and
/// a failing one, plus the small ESUS list to import. Prints the environment variables that point the CLI at it, then
/// serves until Enter is pressed. Run: dotnet run --project tests/EsusCheck.Benchmarks -- docs-stub [--folder DIR]</summary>
public static class DocsStub
{
    public const string Lilas = "41816609600069";
    public const string Unknown = "12345601400018";
    public const string Failing = "12345602200011";

    public static async Task<int> RunAsync(string[] args)
    {
        var index = Array.IndexOf(args, "--folder");
        var folder = index >= 0 && index + 1 < args.Length ? args[index + 1] : Path.Combine(Path.GetTempPath(), "esuscheck-docs");
        Directory.CreateDirectory(folder);

        using var stubs = new RegistryStubs();
        stubs.RechercheFound(Lilas, new StubCompany { LegalForm = "5458", EstEss = true, TypeSiae = "EI, ACI" }).FinessUnknown(Lilas);
        stubs.RechercheUnknown(Unknown);
        stubs.Fails(Registry.RechercheEntreprises, Failing, 503);

        var list = Path.Combine(folder, "liste-nationale-agrements-esus-2026-07-01.xlsx");
        await File.WriteAllBytesAsync(list, EsusListFiles.Xlsx(
        [
            ["Liste nationale des agréments ESUS au 1er juillet 2026"],
            ["SIREN", "Raison sociale", "Date d'agrément", "Date de fin d'agrément", "Département"],
            ["418 166 096", "ATELIER DES LILAS", new DateTime(2024, 5, 2), new DateTime(2029, 5, 1), "75"],
            ["552 032 534", "RÉGIE DE QUARTIER DU CANAL", new DateTime(2023, 9, 14), null, "13"],
            [null, "Fonds commun de placement solidaire (assimilé)", new DateTime(2022, 1, 10), null, null],
        ]));

        Console.WriteLine($"export Registries__RechercheEntreprises__BaseUrl={stubs.RechercheEntreprisesBaseUrl}");
        Console.WriteLine($"export Registries__MarcheInclusion__BaseUrl={stubs.MarcheInclusionBaseUrl}");
        Console.WriteLine($"export Registries__Sirene__BaseUrl={stubs.SireneBaseUrl}");
        Console.WriteLine($"export Registries__Finess__BaseUrl={stubs.FinessBaseUrl}");
        Console.WriteLine($"export Cli__DataDirectory={Path.Combine(folder, "data")}");
        Console.WriteLine($"# ESUS list: {list}");
        Console.WriteLine($"# SIRETs: {Lilas} (found), {Unknown} (unknown), {Failing} (503). Enter stops the stub.");
        await Task.Run(Console.ReadLine);
        return 0;
    }
}
