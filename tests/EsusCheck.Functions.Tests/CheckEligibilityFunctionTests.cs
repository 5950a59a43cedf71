using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace EsusCheck.Functions.Tests;

/// <summary><c>GET /api/v1/eligibility/{siret}</c> invoked with a real HttpRequest, for every status it answers, the
/// registries played by WireMock.</summary>
public sealed class CheckEligibilityFunctionTests : IAsyncLifetime
{
    private static readonly StubCompany Association = new() { Name = "ATELIERS DU PARC", LegalForm = "9220", EstEss = true };
    private readonly string _known = TestSirets.Next();
    private readonly ApiHarness _api = new();

    public CheckEligibilityFunctionTests() => _api.Stubs.RechercheFound(_known, Association);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    internal static async Task<HttpCall.Response> Check(ApiHarness api, string siret, string? query = null, IDictionary<string, string>? headers = null)
    {
        var request = HttpCall.Get($"/api/v1/eligibility/{Uri.EscapeDataString(siret)}", query, headers, new Dictionary<string, string> { ["siret"] = siret });
        return await (await api.Function<EligibilityFunctions>().Check(request, siret)).ExecuteAsync(request);
    }

    private Task<HttpCall.Response> Check(string siret, string? query = null, IDictionary<string, string>? headers = null) =>
        Check(_api, siret, query, headers);

    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    [Fact]
    public async Task A_known_siret_answers_200_with_the_report_of_the_public_contract()
    {
        var response = await Check(Spaced(_known), "cpv=85311000-2");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        var report = ReportJson.Deserialize(response.Body)!;
        Assert.Equal(_known, report.Siret);
        Assert.Equal("ATELIERS DU PARC", report.Company.Name);
        Assert.Equal("85311000-2", report.Cpv);
        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        var l2113_15 = report.ReservedContracts.Single(c => c.Article == ReservedArticle.L2113_15);
        Assert.Equal(ContractStatus.ToVerify, l2113_15.Status);
        Assert.Equal(["public_service_mission", "no_award_in_last_three_years", "duration_at_most_three_years"], l2113_15.Conditions.Select(c => c.Code));
        Assert.Equal(ReportJson.Serialize(report), response.Body);
        Assert.Equal(1, _api.RechercheCalls(_known));
        Contract.AssertDocumented(response, ApiOperations.CheckEligibility);
    }

    [Fact]
    public async Task A_report_carries_a_strong_etag_and_a_private_max_age()
    {
        var response = await Check(_known);

        Assert.Matches("^\"[A-Za-z0-9_-]{24}\"$", response.Header("ETag"));
        Assert.Equal("private, max-age=3600", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task The_etag_ignores_when_the_check_ran_but_follows_what_the_report_says()
    {
        var first = await Check(_known);
        _api.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await Check(_known);
        var withCpv = await Check(_known, "cpv=85311000");

        Assert.NotEqual((string?)first.Json["checkedAt"], (string?)later.Json["checkedAt"]);
        Assert.Equal(first.Header("ETag"), later.Header("ETag"));
        Assert.NotEqual(first.Header("ETag"), withCpv.Header("ETag"));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"autre\", {0}")]
    [InlineData("*")]
    public async Task If_none_match_with_the_current_etag_answers_304_without_a_body(string ifNoneMatch)
    {
        var etag = (await Check(_known)).Header("ETag")!;

        var response = await Check(_known, headers: new Dictionary<string, string> { ["If-None-Match"] = string.Format(ifNoneMatch, etag) });

        Assert.Equal(304, response.Status);
        Assert.Equal("", response.Body);
        Assert.Equal(etag, response.Header("ETag"));
        Assert.Equal("private, max-age=3600", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task If_none_match_with_an_old_etag_answers_200()
    {
        var response = await Check(_known, headers: new Dictionary<string, string> { ["If-None-Match"] = "\"ancien-etag\"" });

        Assert.Equal(200, response.Status);
        Assert.NotEqual("", response.Body);
    }

    [Theory]
    [InlineData("12345", IdentifierError.Codes.WrongLength)]
    [InlineData("7328293200007A", IdentifierError.Codes.InvalidCharacters)]
    [InlineData("7,32829E+13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("3282932000074", IdentifierError.Codes.LeadingZeroLost)]
    public async Task A_malformed_siret_answers_400_saying_what_is_wrong_without_asking_the_registries(string siret, string code)
    {
        var response = await Check(siret);

        Contract.AssertProblem(response, 400, code, ApiOperations.CheckEligibility);
        Assert.Equal("Saisie invalide", (string?)response.Json["title"]);
        Assert.Contains(siret, (string?)response.Json["detail"]);
        Assert.Empty(_api.Stubs.Server.LogEntries);
    }

    [Fact]
    public async Task A_siret_with_a_wrong_key_that_no_registry_knows_answers_400_checksum()
    {
        var wrongKey = _known[..13] + (char)('0' + (_known[13] - '0' + 1) % 10);

        var response = await Check(wrongKey);

        Contract.AssertProblem(response, 400, IdentifierError.Codes.InvalidChecksum, ApiOperations.CheckEligibility);
        Assert.Contains("clé de contrôle", (string?)response.Json["detail"]);
        Assert.Equal(1, _api.RechercheCalls(wrongKey));
    }

    [Fact]
    public async Task A_malformed_cpv_answers_400_cpv_invalid()
    {
        var response = await Check(_known, "cpv=services%20sociaux");

        Contract.AssertProblem(response, 400, CpvCode.InvalidCode, ApiOperations.CheckEligibility);
        Assert.Contains("8 chiffres", (string?)response.Json["detail"]);
        Assert.Equal(0, _api.RechercheCalls(_known));
    }

    [Fact]
    public async Task A_refresh_value_that_is_not_a_boolean_answers_400_naming_the_parameter()
    {
        var response = await Check(_known, "refresh=oui");

        Contract.AssertProblem(response, 400, ApiProblems.Codes.ParameterInvalid, ApiOperations.CheckEligibility);
        Assert.Contains("« refresh »", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task A_valid_siret_no_registry_knows_answers_404_siret_unknown()
    {
        var unknown = TestSirets.Next();
        _api.Stubs.RechercheUnknown(unknown);

        var response = await Check(unknown);

        Contract.AssertProblem(response, 404, CheckFailure.Codes.UnknownSiret, ApiOperations.CheckEligibility);
        Assert.Equal("Entreprise inconnue", (string?)response.Json["title"]);
        Assert.Contains(Spaced(unknown), (string?)response.Json["detail"]);
        Assert.Equal($"/api/v1/eligibility/{unknown}", (string?)response.Json["instance"]);
    }

    [Fact]
    public async Task Registries_down_with_nothing_cached_answer_503_with_the_registry_retry_after()
    {
        var down = TestSirets.Next();
        _api.Stubs.Fails(Registry.RechercheEntreprises, down, 429, retryAfterSeconds: 120);

        var response = await Check(down);

        Contract.AssertProblem(response, 503, CheckFailure.Codes.RegistriesUnavailable, ApiOperations.CheckEligibility);
        Assert.Equal("120", response.Header("Retry-After"));
        Assert.Equal(120, (int?)response.Json["retryAfter"]);
        Assert.Equal("Registres indisponibles", (string?)response.Json["title"]);
    }

    [Fact]
    public async Task A_check_that_waited_too_long_for_its_turn_answers_503_registries_busy_with_retry_after()
    {
        var queued = TestSirets.Next();
        var limiter = new Mock<EsusCheck.Registries.Http.IRequestLimiter>();
        limiter.Setup(l => l.AcquireAsync(It.IsAny<CancellationToken>()))
            .Returns((CancellationToken ct) => new ValueTask<IDisposable>(Task.Delay(Timeout.Infinite, ct).ContinueWith<IDisposable>(
                t => throw new OperationCanceledException(ct), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
        await using var api = new ApiHarness(
            services => services.AddKeyedSingleton(EsusCheck.Core.Facts.SourceNames.RechercheEntreprises, limiter.Object),
            new Dictionary<string, string?> { ["Registries:RechercheEntreprises:MaxQueueWait"] = "00:00:02" });
        api.Stubs.RechercheFound(queued);

        var response = await Check(api, queued);

        Contract.AssertProblem(response, 503, CheckFailure.Codes.RegistriesBusy, ApiOperations.CheckEligibility);
        Assert.Equal("2", response.Header("Retry-After"));
        Assert.Equal("Registres très sollicités", (string?)response.Json["title"]);
        Assert.Contains("Réessayez dans quelques instants", (string?)response.Json["detail"]);
        Assert.Equal(0, api.RechercheCalls(queued));
    }

    [Fact]
    public async Task Registries_down_without_a_retry_after_still_say_when_to_retry()
    {
        var down = TestSirets.Next();
        _api.Stubs.Fails(Registry.RechercheEntreprises, down, 500);

        var response = await Check(down);

        Assert.Equal(503, response.Status);
        Assert.Equal("30", response.Header("Retry-After"));
    }

    [Fact]
    public async Task A_siren_means_its_head_office()
    {
        var response = await Check(_known[..9]);

        Assert.Equal(200, response.Status);
        Assert.Equal(_known, (string?)response.Json["siret"]);
    }

    [Fact]
    public async Task A_siren_without_a_company_answers_404_siren_unknown()
    {
        var siren = TestSirets.Next()[..9];
        _api.Stubs.RechercheSirenUnknown(siren);

        var response = await Check(siren);

        Contract.AssertProblem(response, 404, CheckFailure.Codes.UnknownSiren, ApiOperations.CheckEligibility);
    }

    [Fact]
    public async Task Refresh_is_passed_to_the_cache()
    {
        var cache = new Mock<IFactsCache>();
        cache.Setup(c => c.GetOrFetchAsync(It.IsAny<IRegistrySource>(), It.IsAny<Siret>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((IRegistrySource source, Siret siret, bool _, CancellationToken token) => source.FetchAsync(siret, token));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, cache.Object));
        api.Stubs.RechercheFound(_known);

        Assert.Equal(200, (await Check(api, _known, "refresh=true")).Status);
        Assert.Equal(200, (await Check(api, _known)).Status);

        cache.Verify(c => c.GetOrFetchAsync(It.Is<IRegistrySource>(s => s.Name == "recherche-entreprises"), It.IsAny<Siret>(), true,
            It.IsAny<CancellationToken>()), Times.Once);
        cache.Verify(c => c.GetOrFetchAsync(It.Is<IRegistrySource>(s => s.Name == "recherche-entreprises"), It.IsAny<Siret>(), false,
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_report_resting_on_an_unavailable_source_must_be_revalidated()
    {
        await using var api = new ApiHarness(marcheToken: true);
        api.Stubs.RechercheFound(_known).Fails(Registry.MarcheInclusion, _known, 500);

        var response = await Check(api, _known);

        Assert.Equal(200, response.Status);
        Assert.Contains(ReportJson.Deserialize(response.Body)!.Evidence, e => e.Source == "marche-inclusion" && e.Outcome == "unavailable");
        Assert.Equal(ReportCaching.DegradedCacheControl, response.Header("Cache-Control"));
    }

    [Fact]
    public async Task An_unexpected_error_answers_a_generic_french_500_without_the_exception()
    {
        var headOffices = new Mock<IHeadOfficeResolver>();
        headOffices.Setup(h => h.FindHeadOfficeAsync(It.IsAny<Siren>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret connection string=AccountKey=abc"));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, headOffices.Object));

        var response = await Check(api, _known[..9]);

        Contract.AssertProblem(response, 500, ApiProblems.Codes.InternalError, ApiOperations.CheckEligibility);
        Assert.DoesNotContain("AccountKey", response.Body);
        Assert.Equal("Erreur interne", (string?)response.Json["title"]);
    }

    [Fact]
    public async Task An_unreadable_esus_list_still_answers_the_report_but_asks_to_revalidate()
    {
        var esus = new Mock<IEsusListStore>();
        esus.Setup(s => s.LookupAsync(It.IsAny<Siren>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("table unreachable"));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, esus.Object));
        api.Stubs.RechercheFound(_known);

        var response = await Check(api, _known);

        Assert.Equal(200, response.Status);
        Assert.Equal(ReportCaching.DegradedCacheControl, response.Header("Cache-Control"));
        Assert.DoesNotContain("unreachable", response.Body);
    }

    [Fact]
    public async Task The_caller_client_id_lands_in_the_audit_history()
    {
        await Check(_known, headers: new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = "connecteur-achats-lyon" });

        var entry = Assert.Single(await _api.Get<ICheckAuditLog>().ListAsync(IdentifierParser.FromRegistry(_known)!.Value, 10, default));
        Assert.Equal("connecteur-achats-lyon", entry.ClientId);
    }
}
