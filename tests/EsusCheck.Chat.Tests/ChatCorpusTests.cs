using EsusCheck.Chat.Tests.Support;

namespace EsusCheck.Chat.Tests;

public sealed class ChatCorpusTests : IDisposable
{
    private readonly ChatHarness _harness = new();

    public static TheoryData<CorpusCase> Cases() => new(ChatCorpus.Cases);

    [Fact]
    public void The_corpus_holds_at_least_forty_messages() => Assert.True(ChatCorpus.Cases.Count >= 40, $"{ChatCorpus.Cases.Count} messages");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_message_is_understood_and_answered_with_its_key_facts(CorpusCase @case)
    {
        var answer = await _harness.AskAsync(@case.Message);

        Assert.Equal(@case.Intent, answer.Intent);
        var understanding = answer.Understanding!;
        if (@case.Identifiers is { } expected)
            Assert.Equal(expected, understanding.Identifiers.Select(i => i.IsCheckable ? i.Identifier!.Value.ToString() : i.Error!.Code).ToArray());
        Assert.Equal(@case.Cpv, understanding.Cpv?.Code.Digits);
        foreach (var fact in @case.ReplyContains ?? []) Assert.Contains(fact, answer.Reply);
        foreach (var fact in @case.ReplyExcludes ?? []) Assert.DoesNotContain(fact, answer.Reply);
    }

    public void Dispose() => _harness.Dispose();
}
