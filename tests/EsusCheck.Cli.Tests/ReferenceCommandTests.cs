using System.Text.Json.Nodes;
using EsusCheck.Testing.Registries;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EsusCheck.Cli.Tests;

/// <summary><c>esuscheck reference refresh|status</c>: the local copies are made, remembered in the data folder and
/// read by later runs instead of per-SIRET calls.</summary>
public sealed class ReferenceCommandTests : StubbedCliTest
{
    private void ServeFinessList(params (string Siret, int Category)[] rows)
    {
        var data = new JsonArray(rows.Select(r =>
        {
            var row = RegistryShapes.FinessRow(r.Siret, "0", r.Category == 246 ? "E.S.A.T." : "Entreprise Adaptée", "13000000" + r.Category);
            row["categetab"] = r.Category;
            return (JsonNode)row;
        }).ToArray());
        Stubs.Server.Given(Request.Create().UsingGet().WithPath($"/api/resources/{RegistryStubs.FinessResource}/data/").WithParam("categetab__in", "246,247"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(RegistryShapes.TabularPage(data, null, 1, 50, rows.Length)));
    }

    [Fact]
    public async Task Status_before_any_refresh_says_nothing_is_local()
    {
        var run = await Cli.RunAsync("reference", "status");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Copie des ESAT et EA de FINESS : absente", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("esuscheck reference refresh", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_makes_the_finess_copy_that_later_runs_read_instead_of_asking_per_siret()
    {
        var (esat, ea) = (TestSirets.Next(), TestSirets.Next());
        ServeFinessList((esat, 246), (ea, 247));
        Stubs.RechercheFound(esat, new StubCompany { LegalForm = "9220" });

        var refresh = await Cli.RunAsync("reference", "refresh");
        var status = await Cli.RunAsync("reference", "status");
        var check = await Cli.RunAsync("check", esat);

        Assert.Equal(ExitCodes.Ok, refresh.ExitCode);
        Assert.Contains("Copie des ESAT et EA de FINESS : mise à jour — Copie des ESAT et EA de FINESS mise à jour : 2 établissements.",
            refresh.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("Copie du Marché de l'inclusion : non mise à jour", refresh.Stdout, StringComparison.Ordinal);
        Assert.Contains("Copie des ESAT et EA de FINESS : à jour", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 établissements, copiés le", status.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.Equal(0, Stubs.RequestCount(Registry.Finess, esat));
        Assert.True(File.Exists(Path.Combine(Cli.DataDirectory, "finess-copy.json")));
    }
}
