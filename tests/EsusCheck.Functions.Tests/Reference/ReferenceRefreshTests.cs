using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Telemetry;
using EsusCheck.Functions.Reference;
using EsusCheck.Storage.Reference;
using EsusCheck.Registries.Reference;
using Microsoft.Azure.Functions.Worker;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static EsusCheck.Registries.Reference.ListRefreshResult;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The nightly timer against Azurite (Marché copy table, ESUS list table when the storage adapters are
/// registered) and WireMock (the DG Trésor file URL, Le Marché's paginated list).</summary>
public sealed class ReferenceRefreshTests : IDisposable
{
    private static readonly DateTimeOffset March2024 = new(2024, 3, 10, 3, 30, 0, TimeSpan.Zero);
    private const string EsusPath = "/files/liste-esus-2024-02-01.xlsx";
    private const string Iddee = "53374499100035";
    private const string Ganymede = "88087814500015";
    private const string Danone = "55203253400646";

    private readonly WireMockServer _server = WireMockServer.Start();

    private void ServeEsusList(params string[] sirens) =>
        _server.Given(Request.Create().WithPath(EsusPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ReferenceTestHost.EsusWorkbook(sirens))
                .WithHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /// <summary>Three structures in two pages of two (page size 2): two share a SIRET, one has a kind the rules do not know.</summary>
    private void ServeMarcheList(int page2Status = 200)
    {
        _server.Given(Request.Create().WithPath("/api/siae/").WithParam("offset", "0").WithParam("limit", "2").UsingGet()
                .WithHeader("Authorization", "Bearer " + ReferenceTestHost.Token))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(ReferenceTestHost.MarchePage(_server, 4, 0, 2, (1851, Iddee, "EI", true), (1852, Iddee, "ACI", true))));
        _server.Given(Request.Create().WithPath("/api/siae/").WithParam("offset", "2").WithParam("limit", "2").UsingGet()
                .WithHeader("Authorization", "Bearer " + ReferenceTestHost.Token))
            .RespondWith(page2Status == 200
                ? Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                    .WithBody(ReferenceTestHost.MarchePage(_server, 4, 2, 2, (2001, Ganymede, "ESAT", false), (2002, Danone, "OPCS", true)))
                : Response.Create().WithStatusCode(page2Status).WithBody("{\"detail\":\"Erreur serveur\"}"));
    }

    private static Siren SirenOf(string siret) => IdentifierParser.ParseSiret(siret).Value!.Value.Siren;

    private static Siret SiretOf(string siret) => IdentifierParser.ParseSiret(siret).Value!.Value;

    [Fact]
    public async Task The_timer_loads_the_esus_list_from_its_url_and_copies_the_marche_list()
    {
        ServeEsusList(Iddee[..9], Ganymede[..9]);
        ServeMarcheList();
        using var host = new ReferenceTestHost(_server, March2024, EsusPath);

        var report = await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);

        Assert.All(report.Results.Where(r => r.List != Lists.Finess), r => Assert.Equal(RefreshOutcome.Succeeded, r.Outcome));
        Assert.IsType<EsusCheck.Storage.Esus.TableEsusListStore>(host.EsusList); // on Azurite
        Assert.IsType<TableMarcheCopyStore>(host.MarcheCopy);
        var esus = await host.EsusList.GetInfoAsync(default);
        Assert.Equal(new DateOnly(2024, 2, 1), esus!.PublishedOn);
        Assert.Equal(2, esus.RowCount);
        Assert.NotNull((await host.EsusList.LookupAsync(SirenOf(Ganymede), default)).Entry);

        var iddee = await host.MarcheCopy.FindAsync(SiretOf(Iddee), default);
        Assert.Equal(3, iddee.Copy!.StructureCount);
        Assert.Equal(["ACI", "EI"], iddee.Structures.Select(s => s.Kind.ToString()).Order());
        var ganymede = Assert.Single((await host.MarcheCopy.FindAsync(SiretOf(Ganymede), default)).Structures);
        Assert.False(ganymede.IsActive);
        Assert.Empty((await host.MarcheCopy.FindAsync(SiretOf(Danone), default)).Structures);
        Assert.Contains(report.Results.Single(r => r.List == Lists.Marche).Warnings!, w => w.Contains("type inconnu", StringComparison.Ordinal));

        Assert.Equal(1, host.Refreshes(Lists.Esus, RefreshOutcome.Succeeded));
        Assert.Equal(1, host.Refreshes(Lists.Marche, RefreshOutcome.Succeeded));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_previous_lists_and_is_logged_and_counted()
    {
        ServeEsusList(Iddee[..9]);
        ServeMarcheList();
        using var host = new ReferenceTestHost(_server, March2024, EsusPath);
        var function = host.Get<ReferenceRefreshFunction>();
        await function.Run(new TimerInfo(), default);
        var esusBefore = await host.EsusList.GetInfoAsync(default);
        var copyBefore = await host.MarcheCopy.GetInfoAsync(default);

        _server.Reset();
        _server.Given(Request.Create().WithPath(EsusPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        ServeMarcheList(page2Status: 500);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var report = await function.Run(new TimerInfo(), default);

        Assert.Equal([Codes.SourceFailed, Codes.SourceFailed, Codes.Disabled], report.Results.Select(r => r.Code));
        Assert.All(report.Results.Take(2), r => Assert.Equal(RefreshOutcome.Failed, r.Outcome));
        Assert.Contains("503", report.Results[0].Message, StringComparison.Ordinal);
        Assert.Contains("La copie précédente reste utilisée", report.Results[1].Message, StringComparison.Ordinal);
        Assert.Equal(esusBefore, await host.EsusList.GetInfoAsync(default));
        Assert.Equal(copyBefore, await host.MarcheCopy.GetInfoAsync(default));
        Assert.Equal(2, (await host.MarcheCopy.FindAsync(SiretOf(Iddee), default)).Structures.Count);
        Assert.Equal(1, host.Refreshes(Lists.Esus, RefreshOutcome.Failed));
        Assert.Equal(1, host.Refreshes(Lists.Marche, RefreshOutcome.Failed));
        Assert.Contains(host.Errors, e => e.Message.Contains("ESUS list refresh", StringComparison.Ordinal) && e.Message.Contains("previous list stays active", StringComparison.Ordinal));
        Assert.Contains(host.Errors, e => e.Message.Contains("Marché copy refresh failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_marche_list_much_smaller_than_the_copy_in_use_is_refused()
    {
        ServeMarcheList();
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null);
        var refresh = host.Get<ReferenceRefreshService>();
        await refresh.RefreshAllAsync(default);

        _server.Reset();
        _server.Given(Request.Create().WithPath("/api/siae/").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(ReferenceTestHost.MarchePage(_server, 1, 0, 2, (1851, Iddee, "EI", true))));
        var report = await refresh.RefreshAllAsync(default);

        var marche = report.Results.Single(r => r.List == Lists.Marche);
        Assert.Equal(Codes.TooSmall, marche.Code);
        Assert.Equal(3, (await host.MarcheCopy.GetInfoAsync(default))!.StructureCount);
    }

    /// <summary>FINESS's ESAT (246) and EA (247), two rows a page, <c>categetab</c> a number as the tabular API sends it.</summary>
    private void ServeFinessList(int page2Status = 200)
    {
        const string Path = "/api/resources/935e1dc5-afce-4d45-9fda-47b18f7444e6/data/";
        static System.Text.Json.Nodes.JsonObject Row(string siret, int category, string label, string number)
        {
            var row = EsusCheck.Testing.Registries.RegistryShapes.FinessRow(siret, "0", label, number);
            row["categetab"] = category;
            return row;
        }
        _server.Given(Request.Create().WithPath(Path).WithParam("categetab__in", "246,247").WithParam("page", "1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(EsusCheck.Testing.Registries.RegistryShapes.TabularPage(
                    [Row(Ganymede, 246, "E.S.A.T.", "130000001"), Row(Iddee, 247, "Entreprise Adaptée", "130000002")],
                    _server.Url + Path + "?categetab__in=246,247&page=2&page_size=2", 1, 2, 3)));
        _server.Given(Request.Create().WithPath(Path).WithParam("categetab__in", "246,247").WithParam("page", "2").UsingGet())
            .RespondWith(page2Status == 200
                ? Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                    .WithBody(EsusCheck.Testing.Registries.RegistryShapes.TabularPage([Row(Danone, 246, "E.S.A.T.", "130000003")], null, 2, 2, 3))
                : Response.Create().WithStatusCode(page2Status).WithBody("{\"errors\":[\"Erreur\"]}"));
    }

    [Fact]
    public async Task The_timer_copies_the_esat_and_ea_of_finess_page_by_page()
    {
        ServeFinessList();
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null, marcheToken: false, finess: true);

        var report = await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);

        var finess = report.Results.Single(r => r.List == Lists.Finess);
        Assert.Equal((RefreshOutcome.Succeeded, 3), (finess.Outcome, finess.Count));
        Assert.Equal("246", Assert.Single((await host.FinessCopy.FindAsync(SiretOf(Ganymede), default)).Establishments).Category);
        Assert.Equal("247", Assert.Single((await host.FinessCopy.FindAsync(SiretOf(Iddee), default)).Establishments).Category);
        Assert.False(report.Staleness.Single(s => s.List == Lists.Finess).Stale);
        Assert.Equal(1, host.Refreshes(Lists.Finess, RefreshOutcome.Succeeded));
    }

    [Fact]
    public async Task A_finess_page_that_fails_keeps_the_previous_copy()
    {
        ServeFinessList();
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null, marcheToken: false, finess: true);
        await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);
        _server.Reset();
        ServeFinessList(page2Status: 400);

        var report = await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);

        var finess = report.Results.Single(r => r.List == Lists.Finess);
        Assert.Equal((RefreshOutcome.Failed, Codes.SourceFailed), (finess.Outcome, finess.Code));
        Assert.Contains("400", finess.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await host.FinessCopy.GetInfoAsync(default))!.EstablishmentCount);
    }

    [Fact]
    public async Task Without_a_url_or_a_token_nothing_is_fetched_and_the_refresh_says_why()
    {
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null, marcheToken: false);

        var report = await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);

        Assert.Equal([Codes.NoUrl, Codes.NoToken, Codes.Disabled], report.Results.Select(r => r.Code));
        Assert.All(report.Results, r => Assert.Equal(RefreshOutcome.Skipped, r.Outcome));
        Assert.Empty(_server.LogEntries);
        Assert.Null(await host.MarcheCopy.GetInfoAsync(default));
    }

    [Theory]
    [InlineData("/files/liste-esus-2023-07-01.xlsx", "2024-03-10", true, "2024-02-01")]
    [InlineData("/files/liste-esus-2024-02-01.xlsx", "2024-03-10", false, "2024-07-01")]
    [InlineData("/files/liste-esus-2024-02-01.xlsx", "2024-07-01", true, "2024-07-01")]
    public async Task The_esus_list_in_use_is_stale_once_its_next_due_date_has_come(string path, string today, bool stale, string due)
    {
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ReferenceTestHost.EsusWorkbook(Iddee[..9])));
        using var host = new ReferenceTestHost(_server, DateTimeOffset.Parse(today + "T03:30:00Z", System.Globalization.CultureInfo.InvariantCulture), path, marcheToken: false);

        var report = await host.Get<ReferenceRefreshFunction>().Run(new TimerInfo(), default);

        var esus = report.Staleness.Single(s => s.List == Lists.Esus);
        Assert.Equal(stale, esus.Stale);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), esus.DueOn);
        Assert.Equal(stale ? 1 : 0, host.StaleCount(Lists.Esus));
        Assert.Equal(stale, host.Logs.GetSnapshot().Any(r => r.Message.StartsWith("Reference list esus is stale", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_esus_list_at_all_is_reported_as_stale()
    {
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null, marcheToken: false);

        var staleness = await host.Get<ReferenceRefreshService>().CheckStalenessAsync(default);

        var esus = Assert.Single(staleness);
        Assert.True(esus.Stale);
        Assert.StartsWith("Aucune liste ESUS", esus.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marche_copy_that_could_not_be_renewed_for_days_becomes_stale()
    {
        ServeMarcheList();
        using var host = new ReferenceTestHost(_server, March2024, esusListPath: null);
        var refresh = host.Get<ReferenceRefreshService>();
        await refresh.RefreshAllAsync(default);
        Assert.False((await refresh.CheckStalenessAsync(default)).Single(s => s.List == Lists.Marche).Stale);

        _server.Reset();
        _server.Given(Request.Create().WithPath("/api/siae/").UsingGet()).RespondWith(Response.Create().WithStatusCode(401)
            .WithHeader("WWW-Authenticate", "Bearer realm=\"api\""));
        host.Clock.Advance(TimeSpan.FromDays(4));
        var report = await refresh.RefreshAllAsync(default);

        Assert.Equal(Codes.SourceFailed, report.Results.Single(r => r.List == Lists.Marche).Code);
        Assert.True(report.Staleness.Single(s => s.List == Lists.Marche).Stale);
        Assert.Equal(1, host.StaleCount(Lists.Marche));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains(ReferenceTestHost.Token, StringComparison.Ordinal));
    }

    public void Dispose() => _server.Dispose();
}
