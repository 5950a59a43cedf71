using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Tests.Engine;

public sealed class InclusionContractTests
{
    private static readonly ReservedArticle[] InclusionArticles = [ReservedArticle.L2113_12, ReservedArticle.L2113_13, ReservedArticle.L2113_13_1];

    // law.md §4, written out independently of Rules/InclusionKindRules.cs.
    public static TheoryData<InclusionKind, ReservedArticle, ContractStatus> KindTable() => new()
    {
        { InclusionKind.EI, ReservedArticle.L2113_13, ContractStatus.Eligible },
        { InclusionKind.AI, ReservedArticle.L2113_13, ContractStatus.Eligible },
        { InclusionKind.ACI, ReservedArticle.L2113_13, ContractStatus.Eligible },
        { InclusionKind.ETTI, ReservedArticle.L2113_13, ContractStatus.Eligible },
        { InclusionKind.EITI, ReservedArticle.L2113_13, ContractStatus.ToVerify },
        { InclusionKind.GEIQ, ReservedArticle.L2113_13, ContractStatus.ToVerify },
        // law.md §4: Le Marché leaves SEP out « par prudence »; the buyer checks who performs the contract.
        { InclusionKind.SEP, ReservedArticle.L2113_13_1, ContractStatus.ToVerify },
        { InclusionKind.EA, ReservedArticle.L2113_12, ContractStatus.Eligible },
        { InclusionKind.EATT, ReservedArticle.L2113_12, ContractStatus.Eligible },
        { InclusionKind.ESAT, ReservedArticle.L2113_12, ContractStatus.Eligible },
    };

    [Theory]
    [MemberData(nameof(KindTable))]
    public void Each_kind_at_establishment_level_opens_its_article_only(InclusionKind kind, ReservedArticle article, ContractStatus expected)
    {
        var report = new FactsBuilder().WithMarche((kind, true)).WithFiness().Evaluate();

        Assert.Equal(expected, report.Contract(article).Status);
        foreach (var other in InclusionArticles.Where(a => a != article))
            Assert.Equal(ContractStatus.NotEligible, report.Contract(other).Status);
        Assert.Contains(kind, report.InclusionKinds);
    }

    [Fact]
    public void Every_kind_of_the_rule_table_is_covered_by_the_law_table()
    {
        var fromLaw = KindTable().Select(row => ((InclusionKind)row[0], (ReservedArticle)row[1])).ToHashSet();

        Assert.Equal(Enum.GetValues<InclusionKind>().Length, InclusionKindRules.All.Count);
        Assert.All(InclusionKindRules.All, rule => Assert.Contains((rule.Kind, rule.Article), fromLaw));
    }

    [Theory]
    [InlineData(InclusionKind.EITI, "expérimentation")]
    [InlineData(InclusionKind.GEIQ, "n'est pas une SIAE")]
    public void Eiti_and_geiq_are_to_verify_as_equivalent_structures(InclusionKind kind, string explanation)
    {
        var verdict = new FactsBuilder().WithMarche((kind, true)).Evaluate().Contract(ReservedArticle.L2113_13);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains(explanation, verdict.AllReasons());
        Assert.Contains("structure équivalente", verdict.AllReasons());
    }

    [Fact]
    public void A_kind_known_only_at_legal_unit_level_is_to_verify_and_says_so()
    {
        // Recherche d'entreprises type_siae, Marché not configured.
        var report = new FactsBuilder().WithTypeSiae(InclusionKind.EI, InclusionKind.ACI)
            .WithSource(SourceNames.MarcheInclusion, SourceOutcome.NotConfigured).Evaluate();

        var verdict = report.Contract(ReservedArticle.L2113_13);
        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains("unité légale (SIREN)", verdict.AllReasons());
        Assert.Equal([InclusionKind.EI, InclusionKind.ACI], report.InclusionKinds);
    }

    [Fact]
    public void The_establishment_level_wins_over_the_legal_unit_level()
    {
        var verdict = new FactsBuilder().WithTypeSiae(InclusionKind.EI).WithMarche((InclusionKind.EI, true))
            .Evaluate().Contract(ReservedArticle.L2113_13);

        Assert.Equal(ContractStatus.Eligible, verdict.Status);
        Assert.Contains("pour cet établissement", verdict.AllReasons());
    }

    [Fact]
    public void An_inactive_structure_is_to_verify()
    {
        var verdict = new FactsBuilder().WithMarche((InclusionKind.ACI, false)).Evaluate().Contract(ReservedArticle.L2113_13);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        Assert.Contains("inactive", verdict.AllReasons());
    }

    [Theory]
    [InlineData("246", InclusionKind.ESAT)]
    [InlineData("247", InclusionKind.EA)]
    public void A_finess_category_proves_a_disability_structure(string category, InclusionKind kind)
    {
        var report = new FactsBuilder().WithMarche().WithFiness(category).Evaluate();

        Assert.Equal(ContractStatus.Eligible, report.Contract(ReservedArticle.L2113_12).Status);
        Assert.Contains(kind, report.InclusionKinds);
        Assert.Contains("FINESS", report.Contract(ReservedArticle.L2113_12).AllReasons());
    }

    [Fact]
    public void Another_finess_category_proves_nothing()
    {
        var report = new FactsBuilder().WithMarche().WithFiness("500").Evaluate();

        Assert.Equal(ContractStatus.NotEligible, report.Contract(ReservedArticle.L2113_12).Status);
        Assert.Empty(report.InclusionKinds);
    }

    [Fact]
    public void No_kind_anywhere_with_every_source_answering_is_not_eligible()
    {
        var report = new FactsBuilder().WithMarche().WithFiness().Evaluate();

        Assert.All(InclusionArticles, a => Assert.Equal(ContractStatus.NotEligible, report.Contract(a).Status));
        Assert.Contains("structure équivalente", report.Contract(ReservedArticle.L2113_13).AllReasons());
    }

    [Fact]
    public void An_unavailable_marche_leaves_the_inclusion_articles_to_verify()
    {
        var report = new FactsBuilder().WithSource(SourceNames.MarcheInclusion, SourceOutcome.Unavailable).WithFiness().Evaluate();

        Assert.All(InclusionArticles, a => Assert.Equal(ContractStatus.ToVerify, report.Contract(a).Status));
        Assert.Contains("Le Marché de l'inclusion n'a pas pu être consulté", report.Contract(ReservedArticle.L2113_13).AllReasons());
        Assert.Contains(report.Warnings, w => w.Contains("Marché de l'inclusion"));
    }

    [Fact]
    public void Identity_from_insee_alone_cannot_rule_out_a_structure()
    {
        // INSEE carries no structure kinds; Recherche failed; Marché not configured.
        var report = new FactsBuilder().IdentityFrom(SourceNames.Sirene)
            .WithSource(SourceNames.MarcheInclusion, SourceOutcome.NotConfigured).Evaluate();

        Assert.Equal(ContractStatus.ToVerify, report.Contract(ReservedArticle.L2113_13).Status);
        Assert.Contains(report.Warnings, w => w.Contains("l'API Sirene de l'INSEE"));
    }

    [Fact]
    public void A_closed_establishment_of_an_active_company_is_not_eligible_anywhere()
    {
        var report = new FactsBuilder().WithLegalForm("9220").WithMarche((InclusionKind.ESAT, true))
            .EstablishmentClosed(new DateOnly(2025, 6, 30)).Evaluate(cpv: "85311000-2");

        Assert.Equal("active", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.All(report.ReservedContracts, c =>
        {
            Assert.Equal(ContractStatus.NotEligible, c.Status);
            Assert.Contains("établissement est fermé depuis le 30 juin 2025", c.AllReasons());
        });
    }

    [Fact]
    public void A_ceased_company_is_not_eligible_anywhere()
    {
        var report = new FactsBuilder().WithLegalForm("9220").WithMarche((InclusionKind.EI, true))
            .Ceased(new DateOnly(2022, 10, 22)).Evaluate(cpv: "85311000");

        Assert.Equal("ceased", report.Company.CompanyState);
        Assert.All(report.ReservedContracts, c =>
        {
            Assert.Equal(ContractStatus.NotEligible, c.Status);
            Assert.Contains("cessée", c.AllReasons());
        });
    }

    [Fact]
    public void A_prison_work_structure_is_to_verify_saying_what_the_buyer_checks_and_citing_R2113_7()
    {
        var verdict = new FactsBuilder().WithMarche((InclusionKind.SEP, true)).Evaluate().Contract(ReservedArticle.L2113_13_1);

        Assert.Equal(ContractStatus.ToVerify, verdict.Status);
        var reasons = verdict.AllReasons();
        Assert.Contains("qui exécutera le marché", reasons);
        Assert.Contains("travail pénitentiaire", reasons);
        Assert.Contains("50 %", reasons);
        Assert.Contains("R2113-7", reasons);
        Assert.Contains(LegalReferences.ReservedShare, verdict.LegalBasis);
        Assert.Contains(verdict.Conditions, c => c.Code == "performed_by_detainees" && c.Text.Contains("50 %"));
        Assert.Contains(verdict.Conditions, c => c.Code == "reservation_in_notice" && c.Text.Contains("R2113-7"));
    }

    [Fact]
    public void R2113_7_is_cited_for_all_three_inclusion_articles()
    {
        // law.md §4: R2113-7 sets the 50 % for L2113-12, L2113-13 and L2113-13-1.
        var report = new FactsBuilder().WithMarche().Evaluate();

        Assert.All(InclusionArticles, a => Assert.Contains(LegalReferences.ReservedShare, report.Contract(a).LegalBasis));
    }

    [Theory]
    [InlineData(InclusionKind.EA, ReservedArticle.L2113_12)]
    [InlineData(InclusionKind.EI, ReservedArticle.L2113_13)]
    public void Open_inclusion_verdicts_carry_the_notice_condition_and_closed_ones_none(InclusionKind kind, ReservedArticle article)
    {
        var report = new FactsBuilder().WithMarche((kind, true)).WithFiness().Evaluate();

        Assert.Equal(["reservation_in_notice"], report.Contract(article).Conditions.Select(c => c.Code));
        Assert.All(InclusionArticles.Where(a => a != article), a => Assert.Empty(report.Contract(a).Conditions));
    }

    [Fact]
    public void The_disability_texts_use_the_wording_of_L2113_12()
    {
        // law.md §4: say « qui, en raison de la nature ou de la gravité de leurs déficiences, ne peuvent exercer une activité
        // professionnelle dans des conditions normales », not just « travailleurs handicapés ».
        const string wording = "qui, en raison de la nature ou de la gravité de leurs déficiences, ne peuvent exercer une activité professionnelle dans des conditions normales";
        var report = new FactsBuilder().WithMarche().WithFiness().Evaluate();

        Assert.Contains(wording, report.Contract(ReservedArticle.L2113_12).AllReasons());
        Assert.Contains(wording, ReservedContractRules.For(ReservedArticle.L2113_12).Summary);
        Assert.Contains(wording, InclusionKindRules.For(InclusionKind.ESAT).Explanation);
    }

    [Fact]
    public void Each_inclusion_verdict_cites_its_article()
    {
        var report = new FactsBuilder().WithMarche().Evaluate();

        Assert.Contains(LegalReferences.ReservedDisability, report.Contract(ReservedArticle.L2113_12).LegalBasis);
        Assert.Contains(LegalReferences.ReservedInclusion, report.Contract(ReservedArticle.L2113_13).LegalBasis);
        Assert.Contains(LegalReferences.ReservedPrisonWork, report.Contract(ReservedArticle.L2113_13_1).LegalBasis);
        Assert.All(report.ReservedContracts.SelectMany(c => c.LegalBasis), b => Assert.StartsWith("https://www.legifrance.gouv.fr/", b.Url));
    }
}
