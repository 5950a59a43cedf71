using EsusCheck.Chat.Conversation;
using EsusCheck.Storage.Chat;
using static EsusCheck.Chat.Tests.Support.TestCompanies;

namespace EsusCheck.Chat.Tests;

/// <summary>The conversation remembers the last companies and CPV code per conversation id, so follow-ups need no number.</summary>
public sealed class ConversationTests
{
    [Fact]
    public async Task A_follow_up_about_social_services_applies_to_the_company_discussed()
    {
        using var harness = new ChatHarness();
        var first = await harness.AskAsync("418 166 096 00069", "conv-1");

        var follow = await harness.AskAsync("et pour un marché de services sociaux ?", "conv-1");

        Assert.Equal("conv-1", first.ConversationId);
        Assert.Equal("reserved_contract_question", follow.Intent);
        Assert.Equal([JardinsSiret], follow.Understanding!.ContextSirets);
        Assert.Equal("85320000", follow.Reports.Single().Cpv);
        Assert.Contains("**Marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes (L2113-15) : à vérifier.**", follow.Reply);
        Assert.Contains("Service compris : Services sociaux (code CPV 85320000)", follow.Reply);
    }

    [Fact]
    public async Task The_cpv_code_of_the_conversation_is_kept_for_the_next_company()
    {
        using var harness = new ChatHarness();
        await harness.AskAsync("41816609600069 marché de crèche", "conv-2");

        var next = await harness.AskAsync("et 73282932000074, peut-on lui réserver ce marché ?", "conv-2");

        Assert.True(next.Understanding!.CpvFromContext);
        Assert.Equal("85312110", next.Reports.Single().Cpv);
        Assert.Contains("Code CPV repris de la conversation : 85312110 (Services de garderie d'enfants).", next.Reply);
        Assert.Contains("SOCIETE GENERALE DE NETTOYAGE", next.Reply);
        Assert.Contains("(L2113-15) : non éligible", next.Reply);
    }

    [Fact]
    public async Task Another_conversation_or_an_explanation_does_not_use_the_company()
    {
        using var harness = new ChatHarness();
        await harness.AskAsync("418 166 096 00069", "conv-3");

        var elsewhere = await harness.AskAsync("est-elle agréée ESUS ?", "conv-other");
        var explanation = await harness.AskAsync("c'est quoi l'agrément ESUS ?", "conv-3");
        var question = await harness.AskAsync("est-elle agréée ESUS ?", "conv-3");

        Assert.True(elsewhere.Understanding!.NeedsCompany);
        Assert.Contains("De quelle entreprise s'agit-il ?", elsewhere.Reply);
        Assert.Equal("explain_rule", explanation.Intent);
        Assert.Empty(explanation.Reports);
        Assert.Equal("esus_question", question.Intent);
        Assert.Contains("**Agrément ESUS : agréée.**", question.Reply);
    }

    [Fact]
    public async Task An_idle_conversation_forgets_its_company_after_the_configured_lifetime()
    {
        using var harness = new ChatHarness(new Dictionary<string, string?> { ["Chat:ContextLifetime"] = "02:00:00" });
        await harness.AskAsync("418 166 096 00069", "conv-4");

        harness.Clock.Advance(TimeSpan.FromMinutes(119));
        var soon = await harness.AskAsync("est-elle agréée ESUS ?", "conv-4");
        harness.Clock.Advance(TimeSpan.FromMinutes(121));
        var late = await harness.AskAsync("est-elle agréée ESUS ?", "conv-4");

        Assert.Single(soon.Reports);
        Assert.True(late.Understanding!.NeedsCompany);
    }

    [Fact]
    public async Task Without_a_conversation_id_the_answer_gives_one_to_send_back()
    {
        using var harness = new ChatHarness();
        var first = await harness.AskAsync("418 166 096 00069");

        var follow = await harness.AskAsync("est-elle agréée ESUS ?", first.ConversationId);

        Assert.False(string.IsNullOrWhiteSpace(first.ConversationId));
        Assert.Single(follow.Reports);
    }

    [Fact]
    public async Task Two_app_instances_share_the_conversation_through_table_storage()
    {
        var settings = StorageSettings.For();
        using var first = ChatHarness.WithTableContexts(settings);
        using var second = ChatHarness.WithTableContexts(settings);
        var conversation = "19:abc/def#ghi?jkl@thread.tacv2;messageid=1";

        await first.AskAsync("41816609600069 marché de crèche", conversation);
        var follow = await second.AskAsync("est-elle agréée ESUS ?", conversation);

        Assert.IsType<TableChatContextStore>(second.Contexts);
        Assert.Equal([JardinsSiret], follow.Understanding!.ContextSirets);
        Assert.Equal("85312110", follow.Reports.Single().Cpv);
        Assert.Contains("**Agrément ESUS : agréée.**", follow.Reply);
    }

    [Fact]
    public async Task The_table_store_round_trips_a_context_and_ignores_an_expired_one()
    {
        var settings = StorageSettings.For();
        settings["Chat:ContextLifetime"] = "01:00:00";
        using var harness = ChatHarness.WithTableContexts(settings);
        var store = harness.Services.GetRequiredService<IChatContextStore>();
        var saved = new ChatContext([JardinsSiret, NettoyageSiret], "85312110", "Services de garderie d'enfants", harness.Clock.GetUtcNow());

        await store.SaveAsync("conv", saved, CancellationToken.None);
        var read = await store.GetAsync("conv", CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await store.GetAsync("conv", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(saved.Sirets, read.Sirets);
        Assert.Equal((saved.Cpv, saved.CpvLabel, saved.UpdatedAt), (read.Cpv, read.CpvLabel, read.UpdatedAt));
        Assert.Null(expired);
        Assert.Null(await store.GetAsync("never-seen", CancellationToken.None));
    }
}
