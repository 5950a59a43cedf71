using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Tests.Engine;

public sealed class EssVerdictTests
{
    // The law.md §2 table, written out independently of Rules/EssLegalForms.cs: every code it lists is ESS by form.
    private static readonly string[] LawCodes =
    [
        "9220", "9221", "9222", "9223", "9230", "9260",
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
    [InlineData("9210")] // association non déclarée: no legal personality
    public void Public_bodies_individual_entrepreneurs_and_unincorporated_associations_are_never_ess(string code)
    {
        var report = new FactsBuilder().WithLegalForm(code).WithEssFlag(null).Evaluate();

        Assert.Equal(EssStatus.No, report.Ess.Status);
        Assert.Contains("personnes morales de droit privé", string.Join(" ", report.Ess.Reasons));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("contradictoires"));
    }

    [Theory]
    [InlineData("7210")]
    [InlineData("7389")]
    [InlineData("1000")]
    [InlineData("9210")]
    public void A_registry_flag_does_not_make_a_never_ess_form_ess_and_the_contradiction_is_a_warning(string code)
    {
        // law.md §2: « a registry flag (est_ess, INSEE O) does not override these forms: report the contradiction ».
        var report = new FactsBuilder().WithLegalForm(code).WithEssFlag(true).Evaluate("85311000");

        Assert.Equal(EssStatus.No, report.Ess.Status);
        var warning = Assert.Single(report.Warnings, w => w.StartsWith("Données contradictoires", StringComparison.Ordinal));
        Assert.Contains(code, warning);
        Assert.Contains("ESS France", warning);
        Assert.Equal(ContractStatus.NotEligible, report.Contract(ReservedArticle.L2113_15).Status);
    }

    [Fact]
    public void A_current_esus_row_does_not_make_a_public_body_ess_either()
    {
        var report = new FactsBuilder().WithLegalForm("7389").WithEssFlag(false)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true).Evaluate();

        Assert.Equal(EssStatus.No, report.Ess.Status);
        Assert.Contains(report.Warnings, w => w.Contains("liste nationale des agréments ESUS") && w.StartsWith("Données contradictoires"));
    }

    [Fact]
    public void An_expired_esus_row_does_not_make_a_company_ess()
    {
        // law.md §2: « An expired row proves nothing today ».
        var report = new FactsBuilder().WithLegalForm("5710").WithEssFlag(false)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true, expiresOn: new DateOnly(2026, 9, 30)).Evaluate();

        Assert.NotEqual(EssStatus.Yes, report.Ess.Status);
        Assert.Contains("a expiré le 30 septembre 2026", string.Join(" ", report.Ess.Reasons));
    }

    [Fact]
    public void An_esus_row_whose_computed_term_has_passed_does_not_make_a_company_ess()
    {
        // No end date on the list: granted 1 March 2020 to a company created in 2015, 5 years, past by November 2026.
        var report = new FactsBuilder().WithLegalForm("5710").WithEssFlag(false)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true, accreditedOn: new DateOnly(2020, 3, 1)).Evaluate();

        Assert.NotEqual(EssStatus.Yes, report.Ess.Status);
    }

    [Fact]
    public void An_assimilated_row_does_not_make_a_company_ess()
    {
        // law.md §2: « the « assimilés » rows (funds, credit institutions) need not be ESS at all ».
        var report = new FactsBuilder().WithLegalForm("5599").WithEssFlag(false)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true, assimilated: true).Evaluate();

        Assert.NotEqual(EssStatus.Yes, report.Ess.Status);
        Assert.Contains("assimilés", string.Join(" ", report.Ess.Reasons));
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
