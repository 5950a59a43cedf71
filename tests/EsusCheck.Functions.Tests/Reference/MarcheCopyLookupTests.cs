using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Reference;
using EsusCheck.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EsusCheck.Functions.Tests.Reference;

/// <summary>The Marché registry source answers from the nightly copy while it is fresh, and asks the API otherwise.</summary>
public sealed class MarcheCopyLookupTests : IDisposable
{
    private const string Iddee = "53374499100035";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 10, 9, 0, 0, TimeSpan.Zero));

    private ServiceProvider Build() => new ServiceCollection()
        .AddLogging()
        .AddSingleton<TimeProvider>(_clock)
        .AddEsusCheckCore(Configuration())
        .AddRegistries(Configuration())
        .AddReferenceFunctions(Configuration())
        .BuildServiceProvider();

    private IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Registries:MarcheInclusion:BaseUrl"] = _server.Url + "/",
        ["Registries:MarcheInclusion:Token"] = ReferenceTestHost.Token,
        ["Registries:MarcheInclusion:MaxRetries"] = "0",
    }).Build();

    private static Siret SiretOf(string value) => IdentifierParser.ParseSiret(value).Value!.Value;

    private async Task<IRegistrySource> MarcheWithCopyAsync(ServiceProvider services)
    {
        await services.GetRequiredService<IMarcheCopyStore>().ReplaceAsync(
            new MarcheCopyInfo(_clock.GetUtcNow(), 1, SourceNames.MarcheInclusion),
            [new MarcheCopyEntry(1851, Iddee, InclusionKind.EI, "IDDEE 13", true, "13")], default);
        return services.GetServices<IRegistrySource>().Single(s => s.Name == SourceNames.MarcheInclusion);
    }

    [Fact]
    public async Task A_fresh_copy_answers_without_calling_the_api()
    {
        using var services = Build();
        var marche = await MarcheWithCopyAsync(services);
        _clock.Advance(TimeSpan.FromHours(20));

        var found = await marche.FetchAsync(SiretOf(Iddee), default);
        var absent = await marche.FetchAsync(SiretOf("88087814500015"), default);

        Assert.Equal(SourceOutcome.Found, found.Outcome);
        Assert.Equal(new InclusionKindFact(InclusionKind.EI, FactLevel.Establishment, SourceNames.MarcheInclusion, true), Assert.Single(found.InclusionKinds));
        Assert.Contains("copie locale", found.Evidence.Detail, StringComparison.Ordinal);
        Assert.Equal(SourceOutcome.NotFound, absent.Outcome);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task A_copy_older_than_its_maximum_age_is_ignored_and_the_api_is_asked()
    {
        _server.Given(Request.Create().WithPath($"/api/siae/siret/{Iddee}/").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("[]"));
        using var services = Build();
        var marche = await MarcheWithCopyAsync(services);
        _clock.Advance(TimeSpan.FromDays(4));

        var answer = await marche.FetchAsync(SiretOf(Iddee), default);

        Assert.Equal(SourceOutcome.NotFound, answer.Outcome);
        Assert.Single(_server.LogEntries);
    }

    public void Dispose() => _server.Dispose();
}
