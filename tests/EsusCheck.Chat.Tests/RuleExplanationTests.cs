using EsusCheck.Chat.Replies;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Tests;

/// <summary>The chat's rule explanations say what law.md §3–§4 say, from the engine's own tables.</summary>
public sealed class RuleExplanationTests
{
    private static string Explain(RuleTopic topic) => MarkdownRenderer.Render(RuleExplainer.Explain(topic));

    [Theory]
    [InlineData(ReservedArticle.L2113_12)]
    [InlineData(ReservedArticle.L2113_13)]
    [InlineData(ReservedArticle.L2113_13_1)]
    public void Each_inclusion_article_states_the_R2113_7_duty_to_mention_the_reservation_in_the_notice(ReservedArticle article)
    {
        var text = Explain(RuleTopic.For(article));

        Assert.Contains("L'avis de marché ou les documents de la consultation indiquent que le marché ou le lot est réservé", text);
        Assert.Contains("R2113-7", text);
    }

    [Fact]
    public void The_overview_states_the_notice_duty_for_the_three_articles_it_applies_to()
    {
        var text = Explain(new RuleTopic(RuleTopicKind.ReservedContracts));

        Assert.Contains("Pour les articles L2113-12, L2113-13 et L2113-13-1 : L'avis de marché", text);
    }

    [Fact]
    public void L2113_12_uses_the_words_of_the_article_for_the_workers()
    {
        Assert.Contains("en raison de la nature ou de la gravité de leurs déficiences, ne peuvent exercer une activité " +
                        "professionnelle dans des conditions normales", Explain(RuleTopic.For(ReservedArticle.L2113_12)));
    }

    [Fact]
    public void L2113_15_lists_the_buyer_conditions_and_never_says_only_ess_companies()
    {
        var texts = new[]
        {
            Explain(RuleTopic.For(ReservedArticle.L2113_15)),
            Explain(new RuleTopic(RuleTopicKind.Ess)),
            Explain(new RuleTopic(RuleTopicKind.Cpv, Cpv: Cpv("85311000"))),
            Explain(new RuleTopic(RuleTopicKind.Cpv, Cpv: Cpv("45000000"))),
        };

        Assert.Contains("mission de service public", texts[0]);
        Assert.Contains("3 dernières années", texts[0]);
        Assert.Contains("au plus 3 ans", texts[0]);
        Assert.Contains("structures équivalentes", texts[0]);
        Assert.All(texts, t => Assert.DoesNotMatch(@"(?i)seul(e)?s les entreprises de l'ESS", t));
        Assert.All(texts, t => Assert.DoesNotMatch(@"(?i)réservée? aux entreprises de l'ESS(?! et)", t));
    }

    [Fact]
    public void The_esus_explanation_gives_the_full_plein_droit_list_and_the_pay_caps_in_full()
    {
        var text = Explain(new RuleTopic(RuleTopicKind.Esus));

        Assert.Contains("Les centres de distribution de travail à domicile", text);
        Assert.Contains("L365-1 du code de la construction et de l'habitation", text);
        Assert.Contains("L265-1 du code de l'action sociale et des familles", text);
        Assert.Contains("y compris les primes", text);
        Assert.Contains("ou le salaire minimum de branche s'il est supérieur", text);
    }

    [Fact]
    public void A_prison_work_structure_is_explained_as_to_verify_not_as_an_equivalent_structure()
    {
        var text = Explain(new RuleTopic(RuleTopicKind.StructureKind, StructureKind: InclusionKind.SEP));

        Assert.Contains("à vérifier par l'acheteur : qui exécute le marché", text);
        Assert.Contains("R2113-7", text);
        Assert.DoesNotContain("structure équivalente", text);
    }

    [Fact]
    public void The_ess_explanation_names_the_forms_that_are_never_ess()
    {
        var text = Explain(new RuleTopic(RuleTopicKind.Ess));

        Assert.Contains("personnes morales de droit public", text);
        Assert.Contains("entrepreneurs individuels", text);
        Assert.Contains("associations non déclarées", text);
    }

    private static CpvCode Cpv(string text) => CpvCode.TryParse(text, out var code, out _) ? code : throw new ArgumentException(text);
}
