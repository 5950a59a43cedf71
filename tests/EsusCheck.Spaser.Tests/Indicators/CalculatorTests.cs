using EsusCheck.Bulk.Processing;
using EsusCheck.Core.Reports;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.Indicators;

namespace EsusCheck.Spaser.Tests.Indicators;

/// <summary>The pure core on hand-made verdicts: the rules of counting and flagging that the pipeline tests do not
/// reach with the registry stubs.</summary>
public sealed class CalculatorTests
{
    private const string A = "41816609600069", B = "73282932000074", C = "88087814500015";

    private static BulkItemResult Result(string siret, string? cpv, EssStatus ess = EssStatus.No, ContractStatus l15 = ContractStatus.NotEligible,
        bool closed = false, DateOnly? closedOn = null) => new()
    {
        Key = BulkItem.KeyOf(siret, cpv),
        Status = ItemStatus.Checked,
        Siret = siret,
        Name = "X",
        Ess = ess,
        Esus = EsusStatus.NotAccredited,
        L2113_12 = ContractStatus.NotEligible,
        L2113_13 = ContractStatus.NotEligible,
        L2113_13_1 = ContractStatus.NotEligible,
        L2113_15 = l15,
        Closed = closed,
        ClosedOn = closedOn,
    };

    private static DecpContract Contract(decimal amount, string? cpv, IReadOnlyList<string> holders, params SocialConsideration[] social) => new()
    {
        Id = "C1",
        BuyerId = "21750001600019",
        NotifiedOn = new DateOnly(2025, 3, 1),
        Amount = amount,
        Cpv = cpv,
        Holders = holders.Select(h => new DecpHolder(new DecpOperator("SIRET", h), new DateOnly(2025, 3, 1))).ToList(),
        SocialConsiderations = social.ToHashSet(),
        DurationMonths = 48,
    };

    private static AnnotatedContract Annotate(DecpContract contract, params BulkItemResult[] results) =>
        ContractAnnotator.Annotate(contract, key => results.FirstOrDefault(r => r.Key == key));

    [Fact]
    public void A_co_holder_brings_its_category_its_equal_share_of_the_amount_and_a_status_to_verify_is_counted_apart()
    {
        var contract = Contract(90_000m, "79710000-4", [A, B, C]);
        var annotated = Annotate(contract, Result(A, "79710000-4", EssStatus.Yes), Result(B, "79710000-4", EssStatus.Unknown), Result(C, "79710000-4"));
        var other = Annotate(Contract(10_000m, "79710000-4", [B]), Result(B, "79710000-4", EssStatus.Unknown));

        var (sets, holders) = SpaserCalculator.Compute([annotated, other]);

        var ess = Assert.Single(sets).Category(HolderCategory.Ess);
        Assert.Equal((1, 30_000m, 0.5m, 0.3m, 1, 1), (ess.Contracts, ess.Amount, ess.ShareOfContracts, ess.ShareOfAmount, ess.ContractsToVerify, ess.Holders));
        Assert.Equal([(A, 1, 30_000m), (B, 2, 40_000m), (C, 1, 30_000m)], holders.Select(h => (h.Siret!, h.Contracts, h.Amount)));
        Assert.Equal((false, (bool?)false), (sets[0].Target.Reached is null, sets[0].Target.Reached));
    }

    [Fact]
    public void A_holder_closed_after_the_notification_is_not_flagged_and_one_closed_at_an_unknown_date_is()
    {
        var after = Annotate(Contract(1m, null, [A]), Result(A, null, closed: true, closedOn: new DateOnly(2025, 6, 1)));
        var unknown = Annotate(Contract(1m, null, [A]), Result(A, null, closed: true));
        var before = Annotate(Contract(1m, null, [A]), Result(A, null, closed: true, closedOn: new DateOnly(2025, 3, 1)));

        Assert.Empty(after.Flags);
        Assert.Equal([ContractAnnotator.Codes.HolderClosedDateUnknown], unknown.Flags.Select(f => f.Code));
        Assert.Equal([ContractAnnotator.Codes.HolderClosedAtNotification], before.Flags.Select(f => f.Code));
        Assert.Contains("01/03/2025", before.Flags[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reservation_only_l2113_15_supports_is_flagged_beyond_three_years_and_counted_under_that_article()
    {
        var annotated = Annotate(Contract(5_000m, "85311000-2", [A], SocialConsideration.Reserved),
            Result(A, "85311000-2", EssStatus.Yes, ContractStatus.ToVerify));

        Assert.Equal([ReservedArticle.L2113_15], annotated.SupportedArticles);
        Assert.Equal([ContractAnnotator.Codes.ReservedEssTooLong], annotated.Flags.Select(f => f.Code));
        var set = Assert.Single(SpaserCalculator.Compute([annotated]).Indicators);
        Assert.Equal([0, 0, 0, 1], set.Reserved.ByArticle.Select(a => a.Contracts));
        Assert.Equal((1, 1m, 1m, (bool?)true), (set.WithSocialConsideration.Contracts, set.WithSocialConsideration.ShareOfContracts,
            set.ReservedMarked.ShareOfAmount, set.Target.Reached));
    }

    [Fact]
    public void A_reserved_contract_whose_holders_could_not_be_checked_says_so_rather_than_that_they_are_not_eligible()
    {
        var foreign = ContractAnnotator.Annotate(Contract(1m, null, [], SocialConsideration.Reserved) with
        {
            Holders = [new DecpHolder(new DecpOperator("HORS-UE", "CH-1"), new DateOnly(2025, 3, 1))],
        }, _ => null);

        Assert.Equal([ContractAnnotator.Codes.ReservedHoldersNotChecked], foreign.Flags.Select(f => f.Code));
        Assert.Equal(OperatorStatus.NotSiret, foreign.Holders[0].Check.Status);
    }
}
