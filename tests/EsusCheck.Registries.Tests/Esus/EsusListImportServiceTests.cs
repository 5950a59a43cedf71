using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Esus;
using EsusCheck.Testing.Esus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EsusCheck.Registries.Tests.Esus;

public sealed class EsusListImportServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly string Alpha = EsusListFiles.Siren("41816609");
    private static readonly string Beta = EsusListFiles.Siren("55203253");

    private readonly string _folder = Directory.CreateTempSubdirectory("esus-import-").FullName;
    private readonly List<IDisposable> _disposables = [];

    private (EsusListImportService Service, IEsusListStore Store) Build(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddEsusCheckCore(configuration)
            .AddEsusList(configuration)
            .BuildServiceProvider();
        _disposables.Add(services);
        return (services.GetRequiredService<EsusListImportService>(), services.GetRequiredService<IEsusListStore>());
    }

    private static byte[] List(params string[] sirens) =>
        EsusListFiles.Xlsx([["SIREN", "Raison sociale"], .. sirens.Select(s => new object?[] { s, "Entreprise " + s })]);

    private static Siren SirenOf(string digits) => IdentifierParser.ParseSiren(digits).Value!.Value;

    [Fact]
    public async Task A_valid_file_replaces_the_list_and_reports_what_was_kept()
    {
        var (service, store) = Build();
        var file = EsusListFiles.Xlsx([["SIREN"], [Alpha], [Beta], ["", "Fonds assimilé"], ["12"]]);

        var result = await service.ImportAsync(new MemoryStream(file), "esus-2024-02-01.xlsx", "téléversement");

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.RowCount);
        Assert.Equal(1, result.AssimilatedSkipped);
        Assert.Equal(1, result.InvalidRows);
        Assert.Equal(new EsusListInfo(new DateOnly(2024, 2, 1), 2, Now, "téléversement"), result.List);
        Assert.Equal(result.List, await store.GetInfoAsync(default));
        Assert.NotNull((await store.LookupAsync(SirenOf(Beta), default)).Entry);
    }

    [Theory]
    [InlineData("no siren column")]
    [InlineData("no valid rows")]
    [InlineData("zip bomb")]
    [InlineData("not a spreadsheet")]
    public async Task A_rejected_file_leaves_the_previous_list_in_place(string problem)
    {
        var (service, store) = Build();
        var first = await service.ImportAsync(new MemoryStream(List(Alpha)), "esus-2024-02-01.xlsx");
        Assert.True(first.Succeeded);

        var bad = problem switch
        {
            "no siren column" => EsusListFiles.Xlsx([["Nom"], ["Beta"]]),
            "no valid rows" => EsusListFiles.Xlsx([["SIREN"], [EsusListFiles.WithWrongKey(Beta)]]),
            "zip bomb" => EsusListFiles.WithHighlyCompressedPart(List(Beta), 8 * 1024 * 1024),
            _ => "%PDF-1.4"u8.ToArray(),
        };
        var second = await service.ImportAsync(new MemoryStream(bad), "esus-2024-07-01.xlsx");

        Assert.False(second.Succeeded);
        Assert.NotNull(second.Rejection);
        Assert.Equal(first.List, await store.GetInfoAsync(default));
        Assert.NotNull((await store.LookupAsync(SirenOf(Alpha), default)).Entry);
        Assert.Null((await store.LookupAsync(SirenOf(Beta), default)).Entry);
    }

    [Fact]
    public async Task The_date_the_file_states_wins_over_the_configured_one_and_the_difference_is_told()
    {
        var (service, _) = Build(new() { ["Esus:PublishedOn"] = "2024-01-20" });

        var result = await service.ImportAsync(new MemoryStream(List(Alpha)), "liste-esus-2024-02-01.xlsx");

        Assert.Equal(new DateOnly(2024, 2, 1), result.List!.PublishedOn);
        Assert.Contains(result.Warnings, w => w.Contains("différente de la date configurée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_configured_date_is_used_when_the_file_states_none()
    {
        var (service, _) = Build(new() { ["Esus:PublishedOn"] = "2024-02-01" });

        var result = await service.ImportAsync(new MemoryStream(List(Alpha)), "liste.xlsx");

        Assert.Equal(new DateOnly(2024, 2, 1), result.List!.PublishedOn);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_date_given_by_the_person_importing_wins_over_the_file()
    {
        var (service, _) = Build();

        var result = await service.ImportAsync(new MemoryStream(List(Alpha)), "liste-esus-2024-02-01.xlsx", publishedOn: new DateOnly(2024, 2, 5));

        Assert.Equal(new DateOnly(2024, 2, 5), result.List!.PublishedOn);
    }

    [Fact]
    public async Task Without_any_date_the_import_date_is_used_and_the_person_is_warned()
    {
        var (service, _) = Build();

        var result = await service.ImportAsync(new MemoryStream(List(Alpha)), "liste.xlsx");

        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), result.List!.PublishedOn);
        Assert.Contains(result.Warnings, w => w.StartsWith("Ni le fichier ni la configuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_old_list_is_imported_with_a_staleness_warning()
    {
        var (service, _) = Build();

        var result = await service.ImportAsync(new MemoryStream(List(Alpha)), "liste-esus-2023-07-01.xlsx");

        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Contains("n'est plus à jour", StringComparison.Ordinal) && w.Contains("1er février 2024", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_configured_file_is_loaded_on_first_use_only()
    {
        var path = Path.Combine(_folder, "liste-esus-2024-02-01.csv");
        await File.WriteAllBytesAsync(path, EsusListFiles.Csv([["SIREN"], [Alpha]]));
        var (service, store) = Build(new() { ["Esus:ListSource"] = path });

        var first = await service.EnsureLoadedAsync();
        var second = await service.EnsureLoadedAsync();

        Assert.True(first?.Succeeded);
        Assert.Equal(path, first!.List!.Source);
        Assert.Null(second);
        Assert.Equal(1, (await store.GetInfoAsync(default))?.RowCount);
    }

    [Fact]
    public async Task Nothing_is_loaded_on_first_use_without_a_configured_source()
    {
        var (service, store) = Build();

        Assert.Null(await service.EnsureLoadedAsync());
        Assert.Null(await store.GetInfoAsync(default));
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        var (service, _) = Build(new() { ["Esus:ListSource"] = Path.Combine(_folder, "absent.xlsx") });

        var result = await service.ImportFromSourceAsync();

        Assert.Equal(EsusListRejection.Codes.SourceNotFound, result.Rejection?.Code);
    }

    [Fact]
    public async Task The_list_is_downloaded_from_the_configured_url()
    {
        var server = WireMockServer.Start();
        _disposables.Add(server);
        server.Given(Request.Create().WithPath("/files/liste-esus-2024-02-01.xlsx").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(List(Alpha, Beta))
                .WithHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var url = server.Url + "/files/liste-esus-2024-02-01.xlsx";
        var (service, store) = Build(new() { ["Esus:ListSource"] = url });

        var result = await service.ImportFromSourceAsync();

        Assert.True(result.Succeeded, result.Rejection?.Message);
        Assert.Equal(new DateOnly(2024, 2, 1), result.List!.PublishedOn);
        Assert.Equal(url, result.List.Source);
        Assert.Equal(2, (await store.GetInfoAsync(default))?.RowCount);
        var request = Assert.Single(server.LogEntries).RequestMessage;
        Assert.StartsWith("EsusCheck/", request.Headers!["User-Agent"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_download_keeps_the_previous_list()
    {
        var server = WireMockServer.Start();
        _disposables.Add(server);
        server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        var (service, store) = Build(new() { ["Esus:ListSource"] = server.Url + "/liste.xlsx" });
        await service.ImportAsync(new MemoryStream(List(Alpha)), "liste-esus-2024-02-01.xlsx");

        var result = await service.ImportFromSourceAsync();

        Assert.Equal(EsusListRejection.Codes.SourceUnreachable, result.Rejection?.Code);
        Assert.Contains("404", result.Rejection!.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetInfoAsync(default))?.RowCount);
    }

    [Fact]
    public async Task A_plain_http_source_outside_this_machine_is_refused_without_being_asked()
    {
        var (service, _) = Build(new() { ["Esus:ListSource"] = "http://example.invalid/liste.xlsx" });

        var result = await service.ImportFromSourceAsync();

        Assert.Equal(EsusListRejection.Codes.InsecureSource, result.Rejection?.Code);
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables) disposable.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
