using EsusCheck.Chat.Conversation;
using EsusCheck.Chat.Replies;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Chat.Tests;

/// <summary>The pieces of the understanding layer on their own: number segmentation, typo tolerance, CPV words.</summary>
public sealed class UnderstandingTests
{
    [Theory]
    [InlineData("418 166 096 00069", "41816609600069")]
    [InlineData("418\u00A0166\u00A0096\u00A000069", "41816609600069")]
    [InlineData("418\u202F166\u202F096\u202F00069", "41816609600069")]
    [InlineData("418.166.096.00069", "41816609600069")]
    [InlineData("418 166 096 000 69", "41816609600069")]
    [InlineData("418166096 00069", "41816609600069")]
    [InlineData("418 166 096", "418166096")]
    [InlineData("n°418166096.", "418166096")]
    [InlineData("(SIRET:41816609600069)", "41816609600069")]
    public void A_number_is_found_in_every_usual_formatting(string text, string expected)
    {
        var numbers = NumberExtractor.Extract($"Bonjour, {text} merci");

        Assert.Equal(expected, Assert.Single(numbers.Identifiers).Identifier!.Value.ToString());
    }

    [Theory]
    [InlineData("418166096 732829320", new[] { "418166096", "732829320" })]
    [InlineData("418 166 096 732 829 320", new[] { "418166096", "732829320" })]
    [InlineData("41816609600069, 73282932000074", new[] { "41816609600069", "73282932000074" })]
    [InlineData("418 166 096 00069 et 732 829 320", new[] { "41816609600069", "732829320" })]
    [InlineData("41816609600069\n73282932000074\n53374499100035", new[] { "41816609600069", "73282932000074", "53374499100035" })]
    public void Several_numbers_are_told_apart(string text, string[] expected) =>
        Assert.Equal(expected, NumberExtractor.Extract(text).Identifiers.Select(i => i.Identifier!.Value.ToString()));

    [Theory]
    [InlineData("un marché de 60 000 000 € en 2026, article L2113-13, le 12/03/2026")]
    [InlineData("appelez le 01 23 45 67 89")]
    [InlineData("code postal 13001")]
    public void Amounts_articles_dates_and_phone_numbers_are_not_company_numbers(string text)
    {
        var numbers = NumberExtractor.Extract(text);

        Assert.Empty(numbers.Identifiers);
        Assert.Empty(numbers.Cpvs);
    }

    [Theory]
    [InlineData("CPV 85311000-2", "85311000-2")]
    [InlineData("cpv: 85 311 000", "85311000")]
    [InlineData("code 85311000-2", "85311000-2")]
    [InlineData("85311000", "85311000")]
    public void Cpv_codes_in_digits_are_found(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(NumberExtractor.Extract(text).Cpvs).ToString());

    [Fact]
    public void A_malformed_cpv_code_is_reported_in_french()
    {
        var error = Assert.Single(NumberExtractor.Extract("CPV 8531100").CpvErrors);

        Assert.Equal(CpvCode.InvalidCode, error.Code);
        Assert.Contains("8 chiffres", error.Message);
    }

    [Theory]
    [InlineData("agremment", "agrement", true)]
    [InlineData("agreee", "agree", true)]
    [InlineData("reservee", "reserver", true)]
    [InlineData("profesionnelle", "professionnelle", true)]
    [InlineData("ess", "esat", false)]
    [InlineData("ea", "ei", false)]
    [InlineData("sport", "sort", false)]
    public void Typos_are_tolerated_in_proportion_to_the_word(string typed, string expected, bool matches) =>
        Assert.Equal(matches, FuzzyMatch.WordMatches(typed, expected));

    [Theory]
    [InlineData("Crèche", "85312110")]
    [InlineData("CRECHE", "85312110")]
    [InlineData("une micro-crèche", "85312110")]
    [InlineData("aide a domicile", "85312000")]
    [InlineData("formation en ligne", "80420000")]
    [InlineData("formation", "80511000")]
    [InlineData("entretien des espaces verts", "77310000")]
    [InlineData("activites sportives", "92600000")]
    [InlineData("bibliotèque", "92500000")]
    public void Services_described_in_words_map_to_a_cpv_code(string words, string expected) =>
        Assert.Equal(expected, CpvLexicon.Find(Phrases.ContentWords(words))?.Code.Digits);

    [Fact]
    public void Every_suggested_follow_up_is_itself_understood()
    {
        var context = new ChatContext(["41816609600069"], null, null, DateTimeOffset.UtcNow);
        var suggestions = new[]
        {
            Suggestions.AskEsus, Suggestions.AskSocialServices, Suggestions.AskReserved, Suggestions.ExplainEsus,
            Suggestions.ExplainReserved, Suggestions.AskCreche, "C'est quoi un marché réservé L2113-13-1 ?",
        };

        foreach (var suggestion in suggestions)
            Assert.NotEqual(Intent.OffTopic, MessageInterpreter.Interpret(suggestion, context).Intent);
        Assert.Equal(Intent.EsusQuestion, MessageInterpreter.Interpret(Suggestions.AskEsus, context).Intent);
        Assert.Equal(Intent.ReservedContractQuestion, MessageInterpreter.Interpret(Suggestions.AskSocialServices, context).Intent);
        Assert.Equal(RuleTopicKind.Esus, MessageInterpreter.Interpret(Suggestions.ExplainEsus, context).Topic?.Kind);
    }
}
