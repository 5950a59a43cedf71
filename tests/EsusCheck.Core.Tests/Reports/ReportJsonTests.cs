using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Tests.Engine;

namespace EsusCheck.Core.Tests.Reports;

/// <summary>The report JSON is the public contract of every interface: one full report is pinned as a file.</summary>
public sealed class ReportJsonTests
{
    private static EligibilityReport FullReport() => new FactsBuilder()
        .WithSiret("73282932000074")
        .WithLegalForm("9220", "Association déclarée")
        .WithIdentity(i => i with { Name = "ATELIERS DU PARC", Activity = new("88.10C", "Aide par le travail") })
        .WithEssFlag(true)
        .WithTypeSiae(InclusionKind.ESAT)
        .WithMarche((InclusionKind.ESAT, true))
        .WithFiness("246")
        .WithEsusList(new DateOnly(2026, 7, 1), listed: true, expiresOn: new DateOnly(2029, 4, 30))
        .Evaluate(cpv: "85311000-2");

    [Fact]
    public void A_full_report_serialises_to_the_pinned_contract()
    {
        var actual = ReportJson.Serialize(FullReport(), indented: true);
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "full-report.json"));

        // On a deliberate contract change, review this file and copy it over Reports/full-report.json.
        if (expected.ReplaceLineEndings().Trim() != actual.ReplaceLineEndings().Trim())
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "full-report.actual.json"), actual);
        Assert.Equal(expected.ReplaceLineEndings().Trim(), actual.ReplaceLineEndings().Trim());
    }

    [Fact]
    public void The_contract_fields_have_the_documented_names_and_values()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(FullReport()))!.AsObject();

        foreach (var name in new[] { "siret", "siren", "checkedAt", "company", "ess", "esus", "inclusionKinds", "reservedContracts", "evidence", "warnings" })
            Assert.True(json.ContainsKey(name), name);
        foreach (var name in new[] { "name", "legalForm", "activity", "companyState", "establishmentState", "headOffice", "address", "diffusion" })
            Assert.True(json["company"]!.AsObject().ContainsKey(name), name);
        Assert.Equal("yes", (string?)json["ess"]!["status"]);
        Assert.Equal("accredited", (string?)json["esus"]!["status"]);
        Assert.Equal("ESAT", (string?)json["esus"]!["byRightCategory"]);
        Assert.Equal("2026-07-01", (string?)json["esus"]!["listPublishedOn"]);
        Assert.Equal(["L2113-12", "L2113-13", "L2113-13-1", "L2113-15"], json["reservedContracts"]!.AsArray().Select(c => (string?)c!["article"]));
        Assert.Equal(["eligible", "not_eligible", "not_eligible", "to_verify"], json["reservedContracts"]!.AsArray().Select(c => (string?)c!["status"]));
        Assert.Equal(["article", "status", "reasons", "legalBasis", "conditions"], json["reservedContracts"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["reservation_in_notice"], json["reservedContracts"]![0]!["conditions"]!.AsArray().Select(c => (string?)c!["code"]));
        Assert.Empty(json["reservedContracts"]![1]!["conditions"]!.AsArray());
        Assert.Equal(["public_service_mission", "no_award_in_last_three_years", "duration_at_most_three_years"],
            json["reservedContracts"]![3]!["conditions"]!.AsArray().Select(c => (string?)c!["code"]));
        Assert.Equal(["code", "text"], json["reservedContracts"]![3]!["conditions"]![0]!.AsObject().Select(p => p.Key));
        var basis = json["ess"]!["legalBasis"]![0]!.AsObject();
        Assert.Equal(["code", "article", "url"], basis.Select(p => p.Key));
        Assert.Equal(["source", "retrievedAt", "fromCache", "stale", "detail", "outcome"], json["evidence"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Null_fields_of_the_contract_are_written_not_omitted()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(new FactsBuilder().Evaluate()))!.AsObject();

        Assert.True(json["esus"]!.AsObject().ContainsKey("byRightCategory"));
        Assert.Null(json["esus"]!["byRightCategory"]);
        Assert.Null(json["esus"]!["listPublishedOn"]);
    }

    [Fact]
    public void A_report_round_trips()
    {
        var report = FullReport();

        var back = ReportJson.Deserialize(ReportJson.Serialize(report))!;

        Assert.Equal(ReportJson.Serialize(report), ReportJson.Serialize(back));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(ReportJson.Serialize(back)).RootElement.ValueKind);
    }
}
