using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Testing;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace EsusCheck.Functions.Tests.Plain;

/// <summary>Batch orchestration as a plain class, over an in-memory identity source.</summary>
public sealed class BatchCheckerTests
{
    private readonly FakeRegistrySource _source = new(SourceNames.RechercheEntreprises, SourceRole.Identity,
        siret => new FactsBuilder().WithSiret(siret.Value).Build().IdentitySource!);

    private BatchChecker Checker(IHeadOfficeResolver? headOffices = null, ICheckAuditLog? audit = null)
    {
        var clock = TimeProvider.System;
        var service = new EligibilityService(
            new FactsGatherer([_source], new NoFactsCache(), new InMemoryEsusListStore(), clock),
            headOffices ?? new NoHeadOfficeResolver(), audit ?? new InMemoryCheckAuditLog(), clock, NullLogger<EligibilityService>.Instance);
        return new BatchChecker(new ObservedChecks(service, [_source], new SourceHealthMonitor(), clock),
            Options.Create(new HttpApiOptions { BatchConcurrency = 3 }), NullLogger<BatchChecker>.Instance);
    }

    [Theory]
    [InlineData("73282932000074", "73282932000074")]
    [InlineData(" 732 829 320 00074 ", "73282932000074")]
    [InlineData("732.829.320.00074", "73282932000074")]
    [InlineData("732829320", "732829320")]
    [InlineData("73282932000075", "73282932000075")]
    [InlineData("abc", "input:abc")]
    [InlineData(null, "input:")]
    public void Inputs_are_keyed_by_their_normalised_number(string? input, string key) => Assert.Equal(key, BatchChecker.KeyOf(input));

    [Fact]
    public async Task Results_follow_the_input_order_and_each_distinct_number_is_asked_once()
    {
        var inputs = new[] { "88087814500015", "73282932000074", "732 829 320 00074", "x", "88087814500015" };

        var response = await Checker().CheckAsync(new BatchRequest(inputs, null), "client", default);

        Assert.Equal(inputs, response.Results.Select(r => r.Input).ToArray());
        Assert.Equal("88087814500015", response.Results[0].Report!.Siret);
        Assert.Equal("73282932000074", response.Results[2].Report!.Siret);
        Assert.Equal(IdentifierError.Codes.InvalidCharacters, response.Results[3].Error!.Code);
        Assert.Equal(2, _source.Calls);
    }

    [Fact]
    public async Task An_unexpected_error_on_one_number_gives_it_an_internal_error_and_the_others_their_reports()
    {
        var audit = new Mock<ICheckAuditLog>();
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var headOffices = new Mock<IHeadOfficeResolver>();
        headOffices.Setup(h => h.FindHeadOfficeAsync(It.IsAny<Siren>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));

        var response = await Checker(headOffices.Object, audit.Object).CheckAsync(new BatchRequest(["732829320", "73282932000074"], null), null, default);

        Assert.Equal(ApiProblems.Codes.InternalError, response.Results[0].Error!.Code);
        Assert.Equal(500, response.Results[0].Error!.Status);
        Assert.Equal("73282932000074", response.Results[1].Report!.Siret);
    }
}
