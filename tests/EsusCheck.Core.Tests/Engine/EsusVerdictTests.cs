using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Core.Tests.Engine;

public sealed class EsusVerdictTests
{
    private static readonly DateOnly JulyList = new(2026, 7, 1);

    [Fact]
    public void No_list_loaded_is_unknown()
    {
        var report = new FactsBuilder().Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Null(report.Esus.ListPublishedOn);
        Assert.Contains("Aucune liste nationale", report.Esus.Reasons[0]);
        Assert.Contains(report.Evidence, e => e.Source == SourceNames.EsusList && e.Outcome == "not_configured");
    }

    [Fact]
    public void A_siren_on_the_list_is_accredited_citing_the_list_date()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true).Evaluate();

        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Equal(JulyList, report.Esus.ListPublishedOn);
        Assert.Contains("publiée par la DG Trésor le 1er juillet 2026", report.Esus.Reasons[0]);
        Assert.Contains(LegalReferences.EsusAgrement, report.Esus.LegalBasis);
    }

    [Fact]
    public void A_siren_absent_from_a_loaded_list_is_not_accredited()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: false, rowCount: 2712).Evaluate();

        Assert.Equal(EsusStatus.NotAccredited, report.Esus.Status);
        Assert.Contains("ne figure pas", report.Esus.Reasons[0]);
        Assert.Contains("2712", report.Esus.Reasons[0]);
        Assert.Null(report.Esus.ByRightCategory);
    }

    public static TheoryData<InclusionKind, bool> ByRightTable() => new()
    {
        // L3332-17-1 II as law.md §3 lists it.
        { InclusionKind.EI, true }, { InclusionKind.ETTI, true }, { InclusionKind.AI, true }, { InclusionKind.ACI, true },
        { InclusionKind.EA, true }, { InclusionKind.EATT, true }, { InclusionKind.ESAT, true },
        { InclusionKind.EITI, false }, { InclusionKind.GEIQ, false }, { InclusionKind.SEP, false },
    };

    [Theory]
    [MemberData(nameof(ByRightTable))]
    public void Plein_droit_kinds_are_named_but_still_not_accredited(InclusionKind kind, bool byRight)
    {
        var report = new FactsBuilder().WithMarche((kind, true)).WithEsusList(JulyList, listed: false).Evaluate();

        Assert.Equal(EsusStatus.NotAccredited, report.Esus.Status);
        Assert.Equal(byRight ? kind : null, report.Esus.ByRightCategory);
        Assert.Equal(byRight, string.Join(" ", report.Esus.Reasons).Contains("de plein droit"));
        Assert.Equal(byRight, InclusionKindRules.For(kind).EsusByRight);
    }

    [Fact]
    public void A_plein_droit_kind_without_a_list_is_still_unknown()
    {
        var report = new FactsBuilder().WithMarche((InclusionKind.ESAT, true)).Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Equal(InclusionKind.ESAT, report.Esus.ByRightCategory);
        Assert.Contains("tout de même en faire la demande", string.Join(" ", report.Esus.Reasons));
    }

    [Fact]
    public void A_list_past_its_next_due_date_is_stale_and_says_so()
    {
        // Published 1 July 2026; the next list was due 1 February 2027.
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true).Evaluate(now: new DateTimeOffset(2027, 2, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Contains("n'est plus à jour", string.Join(" ", report.Esus.Reasons));
        Assert.Contains(report.Warnings, w => w.Contains("1er février 2027"));
    }

    [Fact]
    public void A_current_list_raises_no_staleness()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true).Evaluate();

        Assert.DoesNotContain("n'est plus à jour", string.Join(" ", report.Esus.Reasons));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("ESUS"));
    }

    private const string NotYetRenewed = "agrément expiré le {0} ; un renouvellement n'est pas encore publié";

    [Fact]
    public void An_entry_whose_accreditation_expired_is_unknown()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true, expiresOn: new DateOnly(2026, 9, 30)).Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Contains(string.Format(NotYetRenewed, "30 septembre 2026"), string.Join(" ", report.Esus.Reasons));
    }

    [Fact]
    public void Without_an_end_date_the_term_is_five_years_from_the_agrement_and_stated()
    {
        // law.md §3: 5 years. Granted 1 May 2024 to a company created in 2015: valid up to 30 April 2029.
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true).Evaluate();

        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Contains("jusqu'au 30 avril 2029", report.Esus.Reasons[0]);
        Assert.Contains("date calculée : 5 ans", report.Esus.Reasons[0]);
    }

    [Fact]
    public void Without_an_end_date_a_five_year_term_past_is_an_expired_agrement()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true, accreditedOn: new DateOnly(2020, 3, 1)).Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Contains(string.Format(NotYetRenewed, "28 février 2025"), string.Join(" ", report.Esus.Reasons));
    }

    [Fact]
    public void A_company_created_less_than_three_years_before_its_agrement_holds_it_two_years()
    {
        // Created 2 June 2022, granted 1 May 2024 (under 3 years later): 2 years, up to 30 April 2026 — past in November 2026.
        var report = new FactsBuilder().WithIdentity(i => i with { CreatedOn = new DateOnly(2022, 6, 2) })
            .WithEsusList(JulyList, listed: true).Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Contains("date calculée : 2 ans", report.Esus.Reasons[0]);
        Assert.Contains(string.Format(NotYetRenewed, "30 avril 2026"), string.Join(" ", report.Esus.Reasons));
        Assert.NotEqual(EssStatus.Yes, report.Ess.Status);
    }

    [Fact]
    public void A_company_created_exactly_three_years_before_its_agrement_holds_it_five_years()
    {
        var report = new FactsBuilder().WithIdentity(i => i with { CreatedOn = new DateOnly(2021, 5, 1) })
            .WithEsusList(JulyList, listed: true).Evaluate();

        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Contains("jusqu'au 30 avril 2029", report.Esus.Reasons[0]);
    }

    [Fact]
    public void Without_a_creation_date_a_possibly_lapsed_two_year_term_is_unknown()
    {
        var report = new FactsBuilder().WithIdentity(i => i with { CreatedOn = null })
            .WithEsusList(JulyList, listed: true).Evaluate();

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Contains("30 avril 2026", report.Esus.Reasons[0]);
        Assert.NotEqual(EssStatus.Yes, report.Ess.Status);
    }

    [Fact]
    public void A_stated_end_date_is_said_in_the_reasons()
    {
        var report = new FactsBuilder().WithEsusList(JulyList, listed: true, expiresOn: new DateOnly(2029, 4, 30)).Evaluate();

        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Contains("valable jusqu'au 30 avril 2029.", report.Esus.Reasons[0]);
        Assert.DoesNotContain("date calculée", report.Esus.Reasons[0]);
    }

    [Fact]
    public void The_plein_droit_list_names_every_beneficiary_of_the_law()
    {
        // law.md §3, II: the beneficiaries that are not structure kinds of the engine.
        var text = string.Join(" ", Core.Rules.EsusAgrementRules.OtherByRightBeneficiaries);
        foreach (var expected in new[] { "L121-2", "aide sociale à l'enfance", "CHRS", "régies de quartier",
                     "centres de distribution de travail à domicile", "L365-1 du code de la construction", "reconnues d'utilité publique",
                     "L265-1 du code de l'action sociale", "L312-1, I, 2°, 3° et 7°" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public void The_pay_conditions_include_bonuses_and_the_branch_minimum()
    {
        var pay = Assert.Single(Core.Rules.EsusAgrementRules.Conditions, c => c.Contains("rémunération"));

        Assert.Contains("y compris les primes", pay);
        Assert.Contains("ou le salaire minimum de branche s'il est supérieur", pay);
    }

    [Theory]
    [InlineData("2026-01-20", "2026-02-01")]
    [InlineData("2026-02-01", "2026-07-01")]
    [InlineData("2026-06-30", "2026-07-01")]
    [InlineData("2026-07-01", "2027-02-01")]
    [InlineData("2026-12-31", "2027-02-01")]
    public void The_next_due_date_follows_1_February_and_1_July(string published, string due)
    {
        Assert.Equal(DateOnly.Parse(due), EsusListRules.NextDueDate(DateOnly.Parse(published)));
    }

    [Theory]
    [InlineData("2026-07-01", "2027-01-31", false)]
    [InlineData("2026-07-01", "2027-02-01", true)]
    [InlineData("2026-02-01", "2026-06-30", false)]
    [InlineData("2026-02-01", "2026-07-01", true)]
    public void Staleness_starts_on_the_next_due_date(string published, string today, bool stale)
    {
        Assert.Equal(stale, EsusListRules.IsStale(DateOnly.Parse(published), DateOnly.Parse(today)));
    }

    [Fact]
    public void An_unreadable_list_is_unknown_and_not_mistaken_for_no_list()
    {
        var facts = new FactsBuilder().Build() with { Esus = EsusLookup.Unreadable };

        var report = Core.Engine.EligibilityEngine.Evaluate(facts, Core.Engine.PurchaseContext.None, EngineTestKit.Now);

        Assert.Equal(EsusStatus.Unknown, report.Esus.Status);
        Assert.Contains("n'a pas pu être lue", report.Esus.Reasons[0]);
        Assert.Contains(report.Evidence, e => e.Source == SourceNames.EsusList && e.Outcome == "unavailable");
        Assert.Contains(report.Warnings, w => w.Contains("agréments ESUS n'a pas pu être lue"));
    }
}
