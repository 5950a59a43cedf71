using EsusCheck.Spaser.Indicators;
using EsusCheck.Spaser.Processing;

namespace EsusCheck.Spaser.Tests.Pipeline;

/// <summary>The same contracts written as the JSON and the XML of the 2022 format and as the consolidated flat CSV,
/// run through the whole pipeline (DECP reader, bulk checks against the WireMock registries, indicators): every
/// indicator of the <see cref="Scenario"/>, worked out by hand from the law and the stub companies.</summary>
public sealed class IndicatorsByFormatTests
{
    public static TheoryData<string> Formats => ["json", "xml", "csv"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_indicator_of_buyer_A_in_2024_has_its_value(string format)
    {
        await using var harness = await SpaserHarness.StartAsync();
        var s = harness.Scenario;
        var run = await harness.RunAsync(harness.Write("decp." + format, Render(format, s.Contracts())));

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        var summary = run.Summary!;
        Assert.Equal(new[] { (s.BuyerA, 2023), (s.BuyerA, 2024), (s.BuyerB, 2024) }.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2),
            summary.Indicators.Select(i => (i.BuyerId, i.Year)));
        var set = summary.Indicators.Single(i => i.BuyerId == s.BuyerA && i.Year == 2024);

        // Contracts M1–M7; M3 counts at its modified amount (80 000 €), in the year of its first notification.
        Assert.Equal(new Measure(7, 465_000m), set.Contracts);
        Assert.Equal(1, set.FrameworkAgreements);
        // M1, M2, M4, M5: 4 of 7 contracts, 370 000 of 465 000 €.
        Assert.Equal(new ShareMeasure(4, 370_000m, 0.5714m, 0.7957m), set.WithSocialConsideration);
        Assert.Equal(new ShareMeasure(2, 230_000m, 0.2857m, 0.4946m), set.SocialClause);
        Assert.Equal(new ShareMeasure(1, 200_000m, 0.1429m, 0.4301m), set.SocialCriterion);
        Assert.Equal(new ShareMeasure(2, 140_000m, 0.2857m, 0.3011m), set.ReservedMarked);
        // The flat CSV leaves « Pas de considération sociale » empty: M3, M6 and M7 then declare nothing.
        Assert.Equal(format == "csv" ? 3 : 0, set.ConsiderationsNotDeclared);
        Assert.Equal((0.30m, "2022-2025", true, (bool?)true), (set.Target.Target, set.Target.Period, set.Target.YearInPeriod, set.Target.Reached));

        // ESS: M1 (the insertion association), half of M2 (the ESAT association), half of M3 (the SCOP, since its modification).
        Assert.Equal((3, 240_000m, 0.4286m, 0.5161m, 0, 3), Figures(set.Category(HolderCategory.Ess)));
        Assert.Equal((1, 40_000m, 0.1429m, 0.086m, 0, 1), Figures(set.Category(HolderCategory.Esus)));
        Assert.Equal((1, 100_000m, 0.1429m, 0.2151m, 0, 1), Figures(set.Category(HolderCategory.Siae)));
        Assert.Equal((1, 100_000m, 0.1429m, 0.2151m, 0, 1), Figures(set.Category(HolderCategory.EaEsat)));

        var sub = set.Subcontracting;
        if (format == "csv")
            Assert.Equal((0, 0m), (sub.Acts, sub.Amount)); // the consolidated flat file carries no subcontracting acts
        else
        {
            // Two acts of M3: the insertion company (20 000 € modified to 25 000 €) and a foreign company (5 000 €).
            Assert.Equal((2, 30_000m), (sub.Acts, sub.Amount));
            Assert.Equal([(1, 25_000m, 0.8333m), (0, 0m, 0m), (1, 25_000m, 0.8333m), (0, 0m, 0m)],
                sub.ByCategory.Select(c => (c.Acts, c.Amount, c.ShareOfAmount!.Value)));
        }

        // M1 (the SIAE supports L2113-13, and L2113-15 « à vérifier » on a social-services CPV) and M4 (the SAS supports none).
        Assert.Equal((2, 140_000m, 1), (set.Reserved.Contracts, set.Reserved.Amount, set.Reserved.WithoutSupportedArticle));
        Assert.Equal([("L2113-12", 0), ("L2113-13", 1), ("L2113-13-1", 0), ("L2113-15", 1)],
            set.Reserved.ByArticle.Select(a => (a.Article, a.Contracts)));
        Assert.Equal(new HolderFigures(Occurrences: 9, Checked: 7, NotSiret: 1, InvalidSiret: 1, NoVerdict: 0), set.Holders);
        Assert.Equal(new Dictionary<string, int>
        {
            [ContractAnnotator.Codes.CpvNotSocialServices] = 1,
            [ContractAnnotator.Codes.HolderClosedAtNotification] = 1,
            [ContractAnnotator.Codes.IdentifierNotSiret] = 1,
            [ContractAnnotator.Codes.ReservedWithoutVerdict] = 1,
        }, set.Flags);
        Assert.Equal(["M4", "M4", "M6", "M7"], summary.Flags.Where(f => f.Year == 2024 && f.BuyerId == s.BuyerA).Select(f => f.ContractId).Order());

        var earlier = summary.Indicators.Single(i => i.BuyerId == s.BuyerA && i.Year == 2023);
        Assert.Equal((new Measure(1, 60_000m), 1, 1, 60_000m), (earlier.Contracts, earlier.SocialClause.Contracts,
            earlier.Category(HolderCategory.Siae).Contracts, earlier.Category(HolderCategory.Siae).Amount));
        var other = summary.Indicators.Single(i => i.BuyerId == s.BuyerB);
        Assert.Equal((new Measure(1, 1_000m), 1m, 0), (other.Contracts, other.SocialCriterion.ShareOfContracts!.Value,
            other.Category(HolderCategory.Ess).Contracts));

        // The bulk pipeline checks each distinct SIRET and CPV code once: the insertion company with the social-services
        // code (M1, M8) and, as subcontractor of M3, with M3's code (not in the flat CSV); the SAS with M2/M3/M5's code and
        // M4's; the others once. Registries are asked at most once per distinct check (the facts cache serves the rest).
        Assert.Equal(format == "csv" ? 6 : 7, run.Job.UniqueItems);
        foreach (var (siret, checks) in new[] { (s.Siae, format == "csv" ? 1 : 2), (s.Esat, 1), (s.Scop, 1), (s.Sas, 2), (s.Ceased, 1) })
            Assert.InRange(harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret), 1, checks);
        Assert.Equal(9, summary.Contracts!.Counted);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_buyer_and_year_filter_keeps_only_those_contracts(string format)
    {
        await using var harness = await SpaserHarness.StartAsync();
        var s = harness.Scenario;

        var run = await harness.RunAsync(harness.Write("decp." + format, Render(format, s.Contracts())), new SpaserFilter(s.BuyerA, 2023));

        var set = Assert.Single(run.Summary!.Indicators);
        Assert.Equal((s.BuyerA, 2023, 1), (set.BuyerId, set.Year, set.Contracts.Contracts));
        Assert.Equal((9, 1, 8), (run.Summary.Contracts!.Read, run.Summary.Contracts.Counted, run.Summary.Contracts.OutsideFilter));
        Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Sas));
    }

    internal static byte[] Render(string format, IEnumerable<TestContract> contracts) => format switch
    {
        "json" => DecpFiles.Json(contracts),
        "xml" => DecpFiles.Xml(contracts),
        _ => DecpFiles.Csv(contracts),
    };

    private static (int, decimal, decimal, decimal, int, int) Figures(CategoryFigures c) =>
        (c.Contracts, c.Amount, c.ShareOfContracts!.Value, c.ShareOfAmount!.Value, c.ContractsToVerify, c.Holders);
}
