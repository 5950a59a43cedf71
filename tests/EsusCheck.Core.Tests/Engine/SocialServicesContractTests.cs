using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Tests.Engine;

public sealed class SocialServicesContractTests
{
    private static FactsBuilder EssCompany() => new FactsBuilder().WithLegalForm("9220").WithEssFlag(true);

    private static FactsBuilder CommercialCompany() => new FactsBuilder().WithLegalForm("5710").WithEssFlag(false);

    // law.md §4, written out independently of Rules/SocialServicesCpv.cs.
    private static readonly string[] LawCodes =
    [
        "75121000-0", "75122000-7", "75123000-4", "79622000-0", "79624000-4", "79625000-1", "80110000-8", "80300000-7",
        "80420000-4", "80430000-7", "80511000-9", "80520000-5", "80590000-6", "85000000-9", "85323000-9", "92500000-6",
        "92600000-7", "98133000-4", "98133110-8",
    ];

    public static TheoryData<string> ListedCodes() => new(LawCodes);

    [Theory]
    [MemberData(nameof(ListedCodes))]
    public void An_ess_company_is_eligible_for_every_listed_code(string cpv)
    {
        var verdict = EssCompany().Evaluate(cpv).Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.Eligible, verdict.Status);
    }

    [Theory]
    [MemberData(nameof(ListedCodes))]
    public void Listed_codes_match_without_their_check_digit(string cpv)
    {
        Assert.True(CpvCode.TryParse(cpv[..8], out var code, out _));
        Assert.Equal(CpvMatch.Listed, SocialServicesCpv.Match(code));
    }

    [Fact]
    public void The_rule_table_holds_exactly_the_codes_of_the_law()
    {
        var table = SocialServicesCpv.Listed.Select(c => c.Code).Append("85000000-9").Append("85323000-9").Order();

        Assert.Equal(LawCodes.Order(), table);
    }

    [Theory]
    [InlineData("85000000", CpvMatch.Listed)]
    [InlineData("85311000-2", CpvMatch.Listed)]
    [InlineData("85312300", CpvMatch.Listed)]
    [InlineData("85323000", CpvMatch.Listed)]
    [InlineData("85324000", CpvMatch.NotListed)]
    [InlineData("84999999", CpvMatch.NotListed)]
    [InlineData("92510000", CpvMatch.UnderListedCode)]
    [InlineData("98133100", CpvMatch.UnderListedCode)]
    [InlineData("80110001", CpvMatch.UnderListedCode)]
    [InlineData("45000000-7", CpvMatch.NotListed)]
    [InlineData("90910000", CpvMatch.NotListed)]
    public void Codes_match_the_list_the_range_or_a_listed_category(string cpv, CpvMatch expected)
    {
        Assert.True(CpvCode.TryParse(cpv, out var code, out _));
        Assert.Equal(expected, SocialServicesCpv.Match(code));
    }

    [Fact]
    public void A_subdivision_of_a_listed_category_is_to_verify()
    {
        var verdict = EssCompany().Evaluate("92510000").Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains("subdivision", verdict.AllReasons());
    }

    [Fact]
    public void A_code_outside_the_list_is_not_eligible_even_for_an_ess_company()
    {
        var verdict = EssCompany().Evaluate("45000000-7").Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.NotEligible, verdict.Status);
        Assert.Contains("ne figure pas", verdict.AllReasons());
    }

    [Fact]
    public void An_ess_company_without_cpv_is_to_verify_and_told_which_services_qualify()
    {
        var verdict = EssCompany().Evaluate().Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains("85000000 à 85323000", verdict.AllReasons());
    }

    [Fact]
    public void A_company_not_identified_as_ess_is_not_eligible()
    {
        Assert.Equal(ContractStatus.NotEligible, CommercialCompany().Evaluate("85311000").Contract(ReservedArticle.L2113_15).Status);
        Assert.Equal(ContractStatus.NotEligible, CommercialCompany().Evaluate().Contract(ReservedArticle.L2113_15).Status);
    }

    [Fact]
    public void A_company_whose_ess_status_is_unknown_is_to_verify()
    {
        var verdict = new FactsBuilder().WithLegalForm("5710").WithEssFlag(null).Evaluate("85311000").Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
    }

    [Theory]
    [InlineData("85311000")]
    [InlineData("45000000")]
    [InlineData(null)]
    public void Every_verdict_states_the_L2113_16_limits(string? cpv)
    {
        var verdict = EssCompany().Evaluate(cpv).Contract(ReservedArticle.L2113_15);

        Assert.Contains("L2113-16", verdict.AllReasons());
        Assert.Contains("3 ans", verdict.AllReasons());
        Assert.Contains(LegalReferences.ReservedEssLimits, verdict.LegalBasis);
    }
}
