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
    public void An_ess_company_is_only_to_verify_for_every_listed_code_never_eligible(string cpv)
    {
        // law.md §4: the public-service-mission condition applies to ESS companies too, and no registry shows it.
        var verdict = EssCompany().Evaluate(cpv).Contract(ReservedArticle.L2113_15);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains(verdict.Reasons, r => r.Contains($"Le code CPV {cpv} relève des services pouvant être réservés", StringComparison.Ordinal));
        Assert.Contains(verdict.Reasons, r => r.StartsWith("D'après les registres, l'entreprise appartient à l'ESS", StringComparison.Ordinal));
    }

    // law.md §4, verdict table, written out here: (CPV: null = none, "listed", "under", "outside") × ESS status.
    public static TheoryData<string?, EssStatus, ContractStatus> LawTable() => new()
    {
        { null, EssStatus.Yes, ContractStatus.ToVerify },
        { null, EssStatus.Unknown, ContractStatus.ToVerify },
        { null, EssStatus.No, ContractStatus.NotEligible },
        { "85311000-2", EssStatus.Yes, ContractStatus.ToVerify },
        { "85311000-2", EssStatus.Unknown, ContractStatus.ToVerify },
        { "85311000-2", EssStatus.No, ContractStatus.NotEligible },
        { "92510000", EssStatus.Yes, ContractStatus.ToVerify },
        { "92510000", EssStatus.Unknown, ContractStatus.ToVerify },
        { "92510000", EssStatus.No, ContractStatus.NotEligible },
        { "45000000-7", EssStatus.Yes, ContractStatus.NotEligible },
        { "45000000-7", EssStatus.Unknown, ContractStatus.NotEligible },
        { "45000000-7", EssStatus.No, ContractStatus.NotEligible },
    };

    [Theory]
    [MemberData(nameof(LawTable))]
    public void The_verdict_follows_the_law_table_and_is_never_eligible(string? cpv, EssStatus ess, ContractStatus expected)
    {
        var builder = ess switch
        {
            EssStatus.Yes => EssCompany(),
            EssStatus.No => CommercialCompany(),
            _ => new FactsBuilder().WithLegalForm("5710").WithEssFlag(null),
        };
        var report = builder.Evaluate(cpv);

        Assert.Equal(ess, report.Ess.Status);
        Assert.Equal(expected, report.Contract(ReservedArticle.L2113_15).Status);
    }

    [Theory]
    [InlineData("85311000-2")]
    [InlineData("92510000")]
    [InlineData(null)]
    public void A_to_verify_verdict_lists_the_three_buyer_conditions_one_line_each(string? cpv)
    {
        var verdict = EssCompany().Evaluate(cpv).Contract(ReservedArticle.L2113_15);

        // law.md §4 (a), (b), (c), in that order, each its own line.
        var a = Assert.Single(verdict.Reasons, r => r.StartsWith("(a) ", StringComparison.Ordinal));
        var b = Assert.Single(verdict.Reasons, r => r.StartsWith("(b) ", StringComparison.Ordinal));
        var c = Assert.Single(verdict.Reasons, r => r.StartsWith("(c) ", StringComparison.Ordinal));
        Assert.Contains("mission de service public", a);
        Assert.Contains("statuts", a);
        Assert.Contains("3 dernières années", b);
        Assert.Contains("mêmes services", b);
        Assert.Contains("au plus 3 ans", c);
        Assert.True(verdict.Reasons.ToList().IndexOf(a) < verdict.Reasons.ToList().IndexOf(b));
        Assert.True(verdict.Reasons.ToList().IndexOf(b) < verdict.Reasons.ToList().IndexOf(c));
        Assert.Equal(["public_service_mission", "no_award_in_last_three_years", "duration_at_most_three_years"],
            verdict.Conditions.Select(k => k.Code));
        Assert.All(verdict.Conditions, k => Assert.Contains(verdict.Reasons, r => r.EndsWith(k.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_reasons_name_the_ess_basis_the_registries_establish()
    {
        var byForm = EssCompany().Evaluate("85311000").Contract(ReservedArticle.L2113_15);
        var byEsus = CommercialCompany().WithEsusList(new DateOnly(2026, 7, 1), listed: true).Evaluate("85311000").Contract(ReservedArticle.L2113_15);

        Assert.Contains(byForm.Reasons, r => r.Contains("sa forme juridique (association)", StringComparison.Ordinal));
        Assert.Contains(byForm.Reasons, r => r.Contains("liste ESS France", StringComparison.Ordinal));
        Assert.Contains(byEsus.Reasons, r => r.Contains("son agrément ESUS en cours", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("85311000")]
    [InlineData("45000000")]
    [InlineData(null)]
    public void No_verdict_says_that_only_ess_companies_may_bid(string? cpv)
    {
        foreach (var builder in new[] { EssCompany(), CommercialCompany(), new FactsBuilder().WithEssFlag(null) })
        {
            var text = builder.Evaluate(cpv).Contract(ReservedArticle.L2113_15).AllReasons();
            Assert.DoesNotMatch(@"(?i)seul(e)?s les entreprises de l'ESS", text);
            Assert.DoesNotMatch(@"(?i)réservés? aux (seules )?entreprises de l'ESS(?! et)", text);
        }
    }

    [Fact]
    public void Not_eligible_verdicts_carry_no_conditions()
    {
        Assert.Empty(EssCompany().Evaluate("45000000").Contract(ReservedArticle.L2113_15).Conditions);
        Assert.Empty(CommercialCompany().Evaluate("85311000").Contract(ReservedArticle.L2113_15).Conditions);
        Assert.Empty(EssCompany().Ceased().Evaluate("85311000").Contract(ReservedArticle.L2113_15).Conditions);
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
    [InlineData(null)]
    public void Every_verdict_left_to_verify_states_the_L2113_16_limits(string? cpv)
    {
        var verdict = EssCompany().Evaluate(cpv).Contract(ReservedArticle.L2113_15);

        Assert.Contains("L2113-16", verdict.AllReasons());
        Assert.Contains("3 ans", verdict.AllReasons());
        Assert.Contains(LegalReferences.ReservedEssLimits, verdict.LegalBasis);
    }

    [Fact]
    public void A_verdict_ruled_out_by_the_cpv_still_cites_L2113_16()
    {
        Assert.Contains(LegalReferences.ReservedEssLimits, EssCompany().Evaluate("45000000").Contract(ReservedArticle.L2113_15).LegalBasis);
    }
}
