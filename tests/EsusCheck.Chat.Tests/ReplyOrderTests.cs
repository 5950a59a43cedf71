using EsusCheck.Chat.Tests.Support;

namespace EsusCheck.Chat.Tests;

/// <summary>The verdicts that answer the question come first.</summary>
public sealed class ReplyOrderTests : IDisposable
{
    private readonly ChatHarness _harness = new();

    [Theory]
    [InlineData("41816609600069 est-elle agréée ESUS ?", "Agrément ESUS : agréée", "Économie sociale et solidaire (ESS)")]
    [InlineData("41816609600069 est-elle dans l'ESS ?", "Économie sociale et solidaire (ESS) : oui", "Agrément ESUS")]
    [InlineData("41816609600069 marché de crèche", "(L2113-15) : à vérifier", "(L2113-13) : éligible")]
    [InlineData("77567227200017 marché réservé L2113-13 ?", "(L2113-13) : non éligible", "(L2113-12) : éligible")]
    [InlineData("73282932000074 peut-on lui réserver un marché ?", "(L2113-12) : non éligible", "Économie sociale et solidaire (ESS)")]
    [InlineData("88087814500015", "L'entreprise est cessée depuis le 22 octobre 2022", "Économie sociale et solidaire (ESS)")]
    public async Task The_answer_to_the_question_comes_before_the_rest(string message, string first, string then)
    {
        var reply = (await _harness.AskAsync(message)).Reply;

        Assert.Contains(first, reply);
        Assert.Contains(then, reply);
        Assert.True(reply.IndexOf(first, StringComparison.Ordinal) < reply.IndexOf(then, StringComparison.Ordinal), reply);
    }

    public void Dispose() => _harness.Dispose();
}
