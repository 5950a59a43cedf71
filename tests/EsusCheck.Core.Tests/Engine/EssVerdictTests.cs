using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Tests.Engine;

public sealed class EssVerdictTests
{
    // The law.md §2 table, written out independently of Rules/EssLegalForms.cs: every code it lists is ESS by form.
    private static readonly string[] LawCodes =
    [
        "9210", "9220", "9221", "9222", "9223", "9230", "9260",
        "9300",
        "8210", "8250", "8290", "6411",
        "5191", "5192", "5193", "5194", "5196", "6595", "6596",
        "5195", "5203", "5307", "5309", "5443", "5451", "5453", "5454", "5455", "5458", "5459", "5460", "5543", "5547",
        "5551", "5552", "5553", "5554", "5555", "5558", "5559", "5560", "5643", "5647", "5651", "5652", "5653", "5654",
        "5655", "5658", "5659", "5660", "6316", "6317", "6318", "6543", "6551", "6554", "6558", "6560",
    ];

    public static TheoryData<string> EssByFormCodes() => new(LawCodes);

    [Theory]
    [MemberData(nameof(EssByFormCodes))]
    public void Every_ess_legal_form_makes_the_company_ess_even_without_flag(string code)
    {
        var report = new FactsBuilder().WithLegalForm(code).WithEssFlag(false).Evaluate();

        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        Assert.Contains("1°", string.Join(" ", report.Ess.Reasons));
        Assert.Contains(LegalReferences.EssDefinition, report.Ess.LegalBasis);
    }

    [Fact]
    public void The_rule_table_holds_exactly_the_codes_of_the_law()
    {
        var inTable = EssLegalForms.Codes.Where(kv => kv.Key.IsEssByForm()).SelectMany(kv => kv.Value).Order().ToList();

        Assert.Equal(LawCodes.Order().ToList(), inTable);
    }

    [Theory]
    [InlineData("9224")] // AARPI: not an association loi 1901
    [InlineData("5710")] // SAS (a SCIC or cooperative SAS sits here too)
    [InlineData("5499")] // SARL
    [InlineData("5599")] // SA
    public void A_commercial_form_with_no_signal_is_not_identified_as_ess_with_the_caveat(string code)
    {
        var report = new FactsBuilder().WithLegalForm(code).WithEssFlag(false).Evaluate();

        Assert.Equal(EssStatus.No, report.Ess.Status);
        var reasons = string.Join(" ", report.Ess.Reasons);
        Assert.Contains("Non identifiée comme entreprise de l'ESS", reasons);
        Assert.Contains("2°", reasons); // the art. 1 II 2° caveat
    }

    [Fact]
    public void The_ess_flag_makes_a_commercial_company_ess()
    {
        var report = new FactsBuilder().WithLegalForm("5710").WithEssFlag(true).Evaluate();

        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        Assert.Contains("ESS France", string.Join(" ", report.Ess.Reasons));
    }

    [Fact]
    public void Being_on_the_esus_list_makes_a_company_ess()
    {
        var report = new FactsBuilder().WithLegalForm("5710").WithEssFlag(false)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true).Evaluate();

        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        Assert.Contains(LegalReferences.EsusAgrement, report.Ess.LegalBasis);
    }

    [Theory]
    [InlineData("7210")] // commune
    [InlineData("7389")] // établissement public national à caractère administratif
    [InlineData("1000")] // entrepreneur individuel
    public void Public_bodies_and_individual_entrepreneurs_are_never_ess(string code)
    {
        var report = new FactsBuilder().WithLegalForm(code).WithEssFlag(null).Evaluate();

        Assert.Equal(EssStatus.No, report.Ess.Status);
    }

    [Fact]
    public void A_congregation_is_undetermined()
    {
        var report = new FactsBuilder().WithLegalForm("9240").WithEssFlag(null).Evaluate();

        Assert.Equal(EssStatus.Unknown, report.Ess.Status);
    }

    [Fact]
    public void A_commercial_form_with_an_unknown_flag_is_unknown()
    {
        // INSEE's economieSocialeSolidaireUniteLegale may be null.
        var report = new FactsBuilder().WithLegalForm("5710").WithEssFlag(null).Evaluate();

        Assert.Equal(EssStatus.Unknown, report.Ess.Status);
    }
}
