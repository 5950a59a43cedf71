using EsusCheck.Chat.Tests.Support;
using EsusCheck.Chat.Understanding;
using static EsusCheck.Chat.Tests.Support.TestCompanies;

namespace EsusCheck.Chat.Tests;

/// <summary>Messages the understanding layer once got wrong (issue 14), kept as a corpus: a CPV keyword swallowing
/// the company number after it, everyday words read as « agréée », « même question pour … » losing the question.</summary>
public sealed class MisunderstandingTests
{
    [Theory]
    [InlineData("lot cpv 71000000, le 302 466 339 00017 convient ?", "30246633900017", "71000000")]
    [InlineData("CPV 85311000 pour le 41816609600069", "41816609600069", "85311000")]
    [InlineData("code cpv : 90910000 ; siret 418 166 096 00069", "41816609600069", "90910000")]
    public void A_cpv_keyword_reads_its_code_and_leaves_the_company_number_that_follows(string message, string siret, string cpv)
    {
        var numbers = NumberExtractor.Extract(message);

        Assert.Equal([siret], numbers.Identifiers.Select(i => i.Identifier?.ToString()));
        Assert.Equal([cpv], numbers.Cpvs.Select(c => c.Digits));
        Assert.Empty(numbers.CpvErrors);
    }

    [Fact]
    public void A_cpv_then_a_company_is_a_reserved_contract_question_about_that_company()
    {
        var understanding = MessageInterpreter.Interpret("lot cpv 71000000, le 302 466 339 00017 convient ?", null);

        Assert.Equal(Intent.ReservedContractQuestion, understanding.Intent);
        Assert.Equal("30246633900017", Assert.Single(understanding.Identifiers).Identifier?.ToString());
        Assert.Equal("71000000", understanding.Cpv!.Code.Digits);
    }

    [Theory]
    [InlineData("41816609600069 : la salle est-elle bien aérée ?")]
    [InlineData("41816609600069 fournit des agrès de gymnastique")]
    [InlineData("le formateur du 41816609600069 est agrégé")]
    [InlineData("41816609600069, une professeure agrégée")]
    [InlineData("41816609600069 vend des pièces aérées")]
    public void Everyday_words_a_letter_or_two_from_agreee_are_not_esus_questions(string message)
    {
        var understanding = MessageInterpreter.Interpret(message, null);

        Assert.False(TopicFinder.MentionsEsus(Phrases.ContentWords(message)));
        Assert.Equal(Intent.CheckCompany, understanding.Intent);
    }

    [Theory]
    [InlineData("41816609600069 est-elle agréée ESUS ?")]
    [InlineData("41816609600069 est elle agreee ?")]
    [InlineData("41816609600069 a-t-elle l'agrémment ?")]
    public void Real_esus_questions_and_their_typos_are_still_understood(string message) =>
        Assert.Equal(Intent.EsusQuestion, MessageInterpreter.Interpret(message, null).Intent);

    [Theory]
    [InlineData("même question pour 73282932000074")]
    [InlineData("Même chose pour le 732 829 320 00074 ?")]
    [InlineData("idem pour 73282932000074")]
    public async Task Same_question_for_another_company_repeats_the_previous_question(string followUp)
    {
        using var harness = new ChatHarness();
        await harness.AskAsync($"{JardinsSiret} est-elle agréée ESUS ?", "conv-meme");

        var answer = await harness.AskAsync(followUp, "conv-meme");

        Assert.Equal("esus_question", answer.Intent);
        Assert.Equal(["73282932000074"], answer.Reports.Select(r => r.Siret));
        Assert.Contains("Agrément ESUS", answer.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_question_repeats_a_reserved_contract_question_with_its_article()
    {
        using var harness = new ChatHarness();
        await harness.AskAsync($"peut-on réserver un marché L2113-13 au {JardinsSiret} ?", "conv-article");

        var answer = await harness.AskAsync("même question pour 73282932000074", "conv-article");

        Assert.Equal("reserved_contract_question", answer.Intent);
        Assert.Equal(Core.Reports.ReservedArticle.L2113_13, answer.Understanding!.Article);
    }

    [Fact]
    public async Task Registry_text_is_escaped_in_markdown_replies_so_a_name_cannot_make_a_link_or_bold_text()
    {
        using var harness = new ChatHarness();

        var answer = await harness.AskAsync(MarkdownSiret);

        Assert.DoesNotContain("[cliquez ici](https://hameconnage.example)", answer.Reply, StringComparison.Ordinal);
        Assert.Contains(@"\*\*GAGNANT\*\* \[cliquez ici\](https://hameconnage.example) \_urgent\_ \`x\`", answer.Reply, StringComparison.Ordinal);
    }
}
