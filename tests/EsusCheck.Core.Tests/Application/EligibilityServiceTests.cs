using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EsusCheck.Core.Tests.Application;

/// <summary>The application service over in-memory sources (<see cref="FakeRegistrySource"/>; the registries' HTTP
/// behaviour is tested in EsusCheck.Registries.Tests against WireMock).</summary>
public sealed class EligibilityServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemoryCheckAuditLog _audit = new();
    private readonly Mock<IHeadOfficeResolver> _headOffices = new(MockBehavior.Strict);

    private static FakeRegistrySource Source(string name, SourceRole role, Func<Siret, SourceFacts> answer) => new(name, role, answer);

    private static SourceFacts Found(string source) => new()
    {
        Evidence = new(source, SourceOutcome.Found, Now),
        Identity = new CompanyIdentity { Name = "EXEMPLE", LegalForm = new("9220", null), IsHeadOffice = true },
        EssFlag = true,
    };

    private EligibilityService Service(params FakeRegistrySource[] sources) => new(
        new FactsGatherer(sources, new NoFactsCache(), new InMemoryEsusListStore(), new FakeTimeProvider(Now)),
        _headOffices.Object, _audit, new FakeTimeProvider(Now), NullLogger<EligibilityService>.Instance);

    [Fact]
    public async Task A_found_company_yields_a_report_and_an_audit_row()
    {
        var service = Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises)));

        var outcome = await service.CheckAsync(new CheckRequest("732 829 320 00074", "85311000-2", ClientId: "mairie-lyon"));

        Assert.True(outcome.Succeeded);
        Assert.Equal("73282932000074", outcome.Report!.Siret);
        Assert.Equal(EssStatus.Yes, outcome.Report.Ess.Status);
        var audit = Assert.Single(await _audit.ListAsync(IdentifierParser.FromRegistry("73282932000074")!.Value, 10, default));
        Assert.Equal("mairie-lyon", audit.ClientId);
        Assert.Equal("to_verify", audit.ReservedContracts["L2113-15"]);
        Assert.Equal("yes", audit.Ess);
        // A re-check after a rule change is traceable: the audit row carries the version of the rules that answered.
        Assert.Equal(Core.Rules.RulesVersion.Current, audit.RulesVersion);
        Assert.Equal("2026-11-29.1", audit.RulesVersion);
    }

    [Theory]
    [InlineData("4,18166E+13", IdentifierError.Codes.ExcelScientificNotation)]
    [InlineData("123", IdentifierError.Codes.WrongLength)]
    [InlineData("", IdentifierError.Codes.Empty)]
    public async Task A_malformed_identifier_fails_as_invalid_input_without_asking_anyone(string input, string code)
    {
        var source = Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises));

        var outcome = await Service(source).CheckAsync(new CheckRequest(input));

        Assert.Equal(CheckFailureKind.InvalidInput, outcome.Failure!.Kind);
        Assert.Equal(code, outcome.Failure.Code);
        Assert.Equal(0, source.Calls);
    }

    [Fact]
    public async Task A_malformed_cpv_fails_as_invalid_input()
    {
        var outcome = await Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises)))
            .CheckAsync(new CheckRequest("73282932000074", "services sociaux"));

        Assert.Equal(CpvCode.InvalidCode, outcome.Failure!.Code);
        Assert.Contains("8 chiffres", outcome.Failure.Detail);
    }

    [Fact]
    public async Task An_unknown_siret_fails_as_unknown()
    {
        var outcome = await Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => SourceFacts.NotFound(SourceNames.RechercheEntreprises, Now)))
            .CheckAsync(new CheckRequest("73282932000074"));

        Assert.Equal(CheckFailureKind.Unknown, outcome.Failure!.Kind);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, outcome.Failure.Code);
        Assert.Empty(await _audit.ListAsync(IdentifierParser.FromRegistry("73282932000074")!.Value, 10, default));
    }

    [Fact]
    public async Task A_bad_key_confirmed_by_the_registry_yields_a_report_with_a_warning()
    {
        var outcome = await Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises)))
            .CheckAsync(new CheckRequest("73282932000075"));

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Report!.Warnings, w => w.Contains("clé de contrôle"));
    }

    [Fact]
    public async Task A_bad_key_unknown_to_the_registry_is_invalid_input_not_unknown()
    {
        var outcome = await Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => SourceFacts.NotFound(SourceNames.RechercheEntreprises, Now)))
            .CheckAsync(new CheckRequest("73282932000075"));

        Assert.Equal(IdentifierError.Codes.InvalidChecksum, outcome.Failure!.Code);
    }

    [Fact]
    public async Task The_fallback_is_asked_only_when_the_identity_source_is_unavailable()
    {
        var fallback = Source(SourceNames.Sirene, SourceRole.IdentityFallback, _ => Found(SourceNames.Sirene));
        var down = Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => SourceFacts.Unavailable(SourceNames.RechercheEntreprises, Now, "panne"));

        var outcome = await Service(down, fallback).CheckAsync(new CheckRequest("73282932000074"));

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Report!.Evidence, e => e.Source == SourceNames.Sirene && e.Outcome == "found");
        Assert.Contains(outcome.Report.Evidence, e => e.Source == SourceNames.RechercheEntreprises && e.Outcome == "unavailable");

        var up = Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises));
        var unused = Source(SourceNames.Sirene, SourceRole.IdentityFallback, _ => Found(SourceNames.Sirene));
        await Service(up, unused).CheckAsync(new CheckRequest("73282932000074"));
        Assert.Equal(0, unused.Calls);
    }

    [Fact]
    public async Task No_identity_at_all_is_registries_unavailable_with_the_upstream_retry_after()
    {
        var down = Source(SourceNames.RechercheEntreprises, SourceRole.Identity,
            _ => SourceFacts.Unavailable(SourceNames.RechercheEntreprises, Now, "429", TimeSpan.FromSeconds(12)));
        var notConfigured = Source(SourceNames.Sirene, SourceRole.IdentityFallback, _ => SourceFacts.NotConfigured(SourceNames.Sirene, Now, "pas de clé"));

        var outcome = await Service(down, notConfigured).CheckAsync(new CheckRequest("73282932000074"));

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, outcome.Failure!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(12), outcome.Failure.RetryAfter);
    }

    [Fact]
    public async Task A_siren_means_its_head_office()
    {
        _headOffices.Setup(h => h.FindHeadOfficeAsync(It.Is<Siren>(s => s.Value == "732829320"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(IdentifierParser.FromRegistry("73282932000074"));

        var outcome = await Service(Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises)))
            .CheckAsync(new CheckRequest("732 829 320"));

        Assert.Equal("73282932000074", outcome.Report!.Siret);
    }

    [Fact]
    public async Task A_siren_no_registry_knows_is_unknown()
    {
        _headOffices.Setup(h => h.FindHeadOfficeAsync(It.IsAny<Siren>(), It.IsAny<CancellationToken>())).ReturnsAsync((Siret?)null);

        var outcome = await Service().CheckAsync(new CheckRequest("732829320"));

        Assert.Equal(CheckFailure.Codes.UnknownSiren, outcome.Failure!.Code);
    }

    [Fact]
    public async Task Complements_are_asked_and_their_failure_does_not_stop_the_report()
    {
        var marche = Source(SourceNames.MarcheInclusion, SourceRole.Complement, _ => throw new HttpRequestException("boom"));
        var finess = Source(SourceNames.Finess, SourceRole.Complement, _ => SourceFacts.NotFound(SourceNames.Finess, Now));
        var gatherer = new FactsGatherer(
            [Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises)), marche, finess],
            new NoFactsCache(), new InMemoryEsusListStore(), new FakeTimeProvider(Now));

        var facts = await gatherer.GatherAsync(IdentifierParser.FromRegistry("73282932000074")!.Value, refresh: false, default);

        Assert.Equal(SourceOutcome.Unavailable, facts.SourceNamed(SourceNames.MarcheInclusion)!.Outcome);
        Assert.Equal(SourceOutcome.NotFound, facts.SourceNamed(SourceNames.Finess)!.Outcome);
    }

    [Fact]
    public async Task An_audit_failure_does_not_cost_the_buyer_the_answer()
    {
        var audit = new Mock<ICheckAuditLog>();
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));
        var service = new EligibilityService(
            new FactsGatherer([Source(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Found(SourceNames.RechercheEntreprises))],
                new NoFactsCache(), new InMemoryEsusListStore(), new FakeTimeProvider(Now)),
            _headOffices.Object, audit.Object, new FakeTimeProvider(Now), NullLogger<EligibilityService>.Instance);

        var outcome = await service.CheckAsync(new CheckRequest("73282932000074"));

        Assert.True(outcome.Succeeded);
    }
}
