using System.Text.Json;
using EsusCheck.Cli.Storage;
using EsusCheck.Testing.Esus;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EsusCheck.Cli.Tests;

public sealed class EsusCommandTests : IDisposable
{
    private static readonly string Alpha = EsusListFiles.Siren("41816609");
    private static readonly string Beta = EsusListFiles.Siren("55203253");

    private readonly CliRunner _cli = new();

    private static byte[] List(string title, params string[] sirens) => EsusListFiles.Xlsx(
    [
        [title, null],
        [null, null],
        ["SIREN", "Raison sociale"],
        .. sirens.Select(s => new object?[] { s, "Entreprise " + s }),
        [null, "Fonds commun de placement solidaire (assimilé)"],
        ["12 345", "Numéro tronqué"],
    ]);

    /// <summary>Imports <paramref name="file"/>, then asks the status, read and as JSON.</summary>
    private async Task<(CliRun Import, CliRun Status, JsonElement Json)> ImportThenStatusAsync(string file)
    {
        var import = await _cli.RunAsync("esus", "import", file);
        var status = await _cli.RunAsync("esus", "status");
        using var json = JsonDocument.Parse((await _cli.RunAsync("esus", "status", "--json")).Stdout);
        return (import, status, json.RootElement.Clone());
    }

    [Fact]
    public async Task Status_without_a_list_says_none_is_loaded() =>
        (await _cli.RunAsync("esus", "status")).StdoutHas(ExitCodes.Ok, "Aucune liste ESUS n'est chargée");

    [Fact]
    public async Task An_imported_list_is_remembered_by_the_next_run()
    {
        var file = _cli.WriteFile("liste.xlsx", List("Liste nationale des agréments ESUS — mise à jour le 1er février 2026", Alpha, Beta));

        var (import, status, json) = await ImportThenStatusAsync(file);

        import.StdoutHas(ExitCodes.Ok,
            "Liste ESUS importée : 2 agréments.", "Publication : 1er février 2026", "Organismes « assimilés » sans SIREN (fonds) écartés : 1", "ligne 7 (« 12 345 »)");
        status.StdoutHas(ExitCodes.Ok, "Publication : 1er février 2026", "Agréments : 2", $"Source : {file}");
        var list = json.GetProperty("list");
        Assert.True(json.GetProperty("loaded").GetBoolean());
        Assert.Equal("2026-02-01", list.GetProperty("publishedOn").GetString());
        Assert.Equal(2, list.GetProperty("rowCount").GetInt32());
        Assert.Equal("2026-07-01", list.GetProperty("nextDueOn").GetString());
    }

    [Fact]
    public async Task An_old_list_is_reported_stale()
    {
        var file = _cli.WriteFile("liste-esus-2023-02-01.xlsx", List("Liste nationale", Alpha));

        var (import, status, json) = await ImportThenStatusAsync(file);

        import.StdoutHas(ExitCodes.Ok, "n'est plus à jour");
        status.StdoutHas(ExitCodes.Ok, "État : périmée : une nouvelle liste était attendue au 1er juillet 2023");
        Assert.True(json.GetProperty("list").GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task A_given_publication_date_is_used()
    {
        var file = _cli.WriteFile("liste.csv", EsusListFiles.Csv([["SIREN"], [Alpha]]));

        (await _cli.RunAsync("esus", "import", file, "--published-on", "2026-07-01")).StdoutHas(ExitCodes.Ok, "Publication : 1er juillet 2026");
    }

    [Fact]
    public async Task A_malformed_publication_date_is_invalid_input()
    {
        var file = _cli.WriteFile("liste.csv", EsusListFiles.Csv([["SIREN"], [Alpha]]));

        (await _cli.RunAsync("esus", "import", file, "--published-on", "01/07/2026")).StderrHas(ExitCodes.InvalidInput, "n'est pas une date au format AAAA-MM-JJ");
    }

    [Theory]
    [InlineData("no siren column", "esus_list_no_siren_column")]
    [InlineData("zip bomb", "esus_list_zip_bomb")]
    [InlineData("no valid rows", "esus_list_no_valid_rows")]
    public async Task A_rejected_import_leaves_the_previous_list_in_place(string problem, string code)
    {
        var good = _cli.WriteFile("liste-esus-2026-02-01.xlsx", List("Liste", Alpha, Beta));
        Assert.Equal(ExitCodes.Ok, (await _cli.RunAsync("esus", "import", good)).ExitCode);
        var before = await File.ReadAllTextAsync(Path.Combine(_cli.DataDirectory, FileEsusListStore.FileName));

        var bad = _cli.WriteFile("mauvaise-2026-07-01.xlsx", problem switch
        {
            "no siren column" => EsusListFiles.Xlsx([["Nom", "Ville"], ["Alpha", "Lyon"]]),
            "zip bomb" => EsusListFiles.WithHighlyCompressedPart(List("Liste", Alpha), 8 * 1024 * 1024),
            _ => EsusListFiles.Xlsx([["SIREN"], ["123"], [EsusListFiles.WithWrongKey(Alpha)]]),
        });
        var import = await _cli.RunAsync("esus", "import", bad);
        var status = await _cli.RunAsync("esus", "status");

        Assert.Equal(ExitCodes.InvalidInput, import.ExitCode);
        Assert.StartsWith("Liste refusée : ", import.Stderr, StringComparison.Ordinal);
        Assert.Contains($"(code : {code})", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("La liste déjà chargée est conservée.", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_cli.DataDirectory, FileEsusListStore.FileName)));
        Assert.Contains("Agréments : 2", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Publication : 1er février 2026", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_invalid_input() =>
        (await _cli.RunAsync("esus", "import", Path.Combine(_cli.DataDirectory, "absente.xlsx"))).StderrHas(ExitCodes.InvalidInput, "est introuvable");

    [Fact]
    public async Task Import_without_a_file_uses_the_configured_source()
    {
        var file = _cli.WriteFile("liste-esus-2026-02-01.csv", EsusListFiles.Csv([["SIREN"], [Alpha], [Beta]]));
        _cli.Set("Esus:ListSource", file);

        (await _cli.RunAsync("esus", "import")).StdoutHas(ExitCodes.Ok, "Liste ESUS importée : 2 agréments.");
    }

    [Fact]
    public async Task Import_without_a_file_or_a_configured_source_says_what_to_do() =>
        (await _cli.RunAsync("esus", "import")).StderrHas(ExitCodes.InvalidInput, "esus_list_source_not_configured");

    [Fact]
    public async Task A_list_is_imported_from_a_url()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/liste-esus-2026-07-01.xlsx").UsingGet())
            .RespondWith(Response.Create().WithBody(List("Liste", Alpha, Beta)));

        (await _cli.RunAsync("esus", "import", server.Url + "/liste-esus-2026-07-01.xlsx")).StdoutHas(ExitCodes.Ok,
            "Liste ESUS importée : 2 agréments.",
            "Publication : 1er juillet 2026");
    }

    [Fact]
    public async Task A_url_that_does_not_answer_gives_exit_code_4()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(503));

        (await _cli.RunAsync("esus", "import", server.Url + "/liste.xlsx")).StderrHas(ExitCodes.Unavailable, "(code : esus_list_source_unreachable)");
    }

    public void Dispose() => _cli.Dispose();
}
