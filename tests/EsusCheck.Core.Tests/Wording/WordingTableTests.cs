using System.Reflection;
using System.Text.Json;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Tests.Wording;

/// <summary>The wording table every output reads: each value of each verdict enum, each article and each source has
/// its French words. A value added to an enum without its words fails here (the tables throw for an unmapped value)
/// before any buyer reads a raw code.</summary>
public sealed class WordingTableTests
{
    public static TheoryData<Enum> EveryVerdictValue() =>
        [.. Enum.GetValues<EssStatus>().Cast<Enum>(), .. Enum.GetValues<EsusStatus>().Cast<Enum>(), .. Enum.GetValues<ContractStatus>().Cast<Enum>()];

    [Theory]
    [MemberData(nameof(EveryVerdictValue))]
    public void Every_verdict_value_has_a_French_label_and_a_tone_in_each_register(Enum value)
    {
        var code = JsonSerializer.Serialize(value, value.GetType(), ReportJson.Options).Trim('"');
        var words = Registers(value);

        Assert.NotEmpty(words);
        Assert.All(words, word =>
        {
            Assert.False(string.IsNullOrWhiteSpace(word.Label));
            Assert.NotEqual(code, word.Label);
            Assert.Contains(word.Tone, new[] { Tone.Good, Tone.Bad, Tone.Warning });
        });
    }

    [Fact]
    public void Within_a_register_no_two_statuses_share_a_label()
    {
        AssertDistinct(Enum.GetValues<EssStatus>().Select(s => VerdictWords.Of(s).Label));
        AssertDistinct(Enum.GetValues<EssStatus>().Select(s => VerdictWords.Short(s).Label));
        AssertDistinct(Enum.GetValues<EsusStatus>().Select(s => VerdictWords.Of(s).Label));
        AssertDistinct(Enum.GetValues<EsusStatus>().Select(s => VerdictWords.Short(s).Label));
        AssertDistinct(Enum.GetValues<ContractStatus>().Select(s => VerdictWords.Of(s).Label));
    }

    /// <summary>The words themselves, written out here: the CLI, the bulk columns, the chat and the page pin them too.</summary>
    [Fact]
    public void The_labels_are_the_ones_buyers_read()
    {
        Assert.Equal(["éligible", "non éligible", "à vérifier"], Enum.GetValues<ContractStatus>().Select(s => VerdictWords.Of(s).Label));
        Assert.Equal(["agréée", "non agréée", "à vérifier"], Enum.GetValues<EsusStatus>().Select(s => VerdictWords.Of(s).Label));
        Assert.Equal(["oui", "non", "à vérifier"], Enum.GetValues<EsusStatus>().Select(s => VerdictWords.Short(s).Label));
        Assert.Equal(["oui", "non identifiée comme entreprise de l'ESS", "à établir"], Enum.GetValues<EssStatus>().Select(s => VerdictWords.Of(s).Label));
        Assert.Equal(["oui", "non", "à vérifier"], Enum.GetValues<EssStatus>().Select(s => VerdictWords.Short(s).Label));
        Assert.Equal([Tone.Good, Tone.Bad, Tone.Warning], Enum.GetValues<ContractStatus>().Select(s => VerdictWords.Of(s).Tone));
    }

    [Fact]
    public void Every_article_has_its_subject_description_and_column_header()
    {
        foreach (var article in Enum.GetValues<ReservedArticle>())
        {
            Assert.EndsWith($"({article.ToArticle()})", ArticleWords.Subject(article), StringComparison.Ordinal);
            Assert.True(char.IsUpper(ArticleWords.Subject(article)[0]), ArticleWords.Subject(article));
            Assert.False(string.IsNullOrWhiteSpace(ArticleWords.Describe(article)));
            Assert.StartsWith($"Marché réservé {article.ToArticle()} (", ArticleWords.ColumnHeader(article), StringComparison.Ordinal);
        }
        AssertDistinct(Enum.GetValues<ReservedArticle>().Select(ArticleWords.Describe));
    }

    [Fact]
    public void The_article_words_are_the_ones_the_outputs_show()
    {
        Assert.Equal("Marché réservé aux structures d'insertion par l'activité économique (L2113-13)", ArticleWords.Subject(ReservedArticle.L2113_13));
        Assert.Equal("Marché réservé L2113-12 (EA, ESAT)", ArticleWords.ColumnHeader(ReservedArticle.L2113_12));
        Assert.Equal("Marché réservé L2113-13-1 (travail pénitentiaire)", ArticleWords.ColumnHeader(ReservedArticle.L2113_13_1));
        Assert.Equal("travail des personnes détenues", ArticleWords.Describe(ReservedArticle.L2113_13_1));
        Assert.Equal("EA et ESAT (marchés réservés L2113-12)", ArticleWords.Category(ReservedArticle.L2113_12));
        Assert.Equal("Services sociaux (marchés réservés L2113-15)", ArticleWords.Category(ReservedArticle.L2113_15));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArticleWords.Category(ReservedArticle.L2113_13_1));
    }

    public static TheoryData<string> EverySource() =>
        [.. typeof(SourceNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(EverySource))]
    public void Every_source_has_a_display_name_and_words_for_each_outcome(string source)
    {
        Assert.NotEqual(source, SourceDisplayNames.For(source));
        Assert.All(EvidenceWords.Outcomes, outcome => Assert.NotEqual(outcome, EvidenceWords.Outcome(source, outcome)));
    }

    [Fact]
    public void French_dates_numbers_and_amounts()
    {
        Assert.Equal("1er février 2024", FrenchText.Date(new DateOnly(2024, 2, 1)));
        Assert.Equal("15 mars 2024", FrenchText.Date(new DateOnly(2024, 3, 15)));
        Assert.Equal("31 décembre 2025", FrenchText.Date(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("1er juillet", FrenchText.DayAndMonth(7, 1));
        Assert.Equal("14 juillet", FrenchText.DayAndMonth(7, 14));
        Assert.Equal("01/02/2024", FrenchText.NumericDate(new DateOnly(2024, 2, 1)));
        Assert.Equal("01/07/2024 14:05", FrenchText.NumericParisDateTime(new DateTimeOffset(2024, 7, 1, 12, 5, 0, TimeSpan.Zero)));
        Assert.Equal("15/01/2024 13:00", FrenchText.NumericParisDateTime(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2 712", FrenchText.Number(2712));
        Assert.Equal("1 234 567,50", FrenchText.Amount(1_234_567.5m));
        Assert.Equal("42,9 %", FrenchText.Percent(0.4286m));
        Assert.Equal("1 agrément", FrenchText.Count(1, "agrément", "agréments"));
        Assert.Equal("2 712 agréments", FrenchText.Count(2712, "agrément", "agréments"));
        Assert.Equal("a, b et c", FrenchText.Join(["a", "b", "c"]));
        Assert.Equal("L'API Sirene de l'INSEE", SourceDisplayNames.For(SourceNames.Sirene).Capitalise());
    }

    private static List<StatusWord> Registers(Enum value) => value switch
    {
        EssStatus ess => [VerdictWords.Of(ess), VerdictWords.Short(ess)],
        EsusStatus esus => [VerdictWords.Of(esus), VerdictWords.Short(esus)],
        ContractStatus contract => [VerdictWords.Of(contract)],
        _ => [],
    };

    private static void AssertDistinct(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        Assert.Equal(list.Count, list.Distinct(StringComparer.Ordinal).Count());
    }
}
