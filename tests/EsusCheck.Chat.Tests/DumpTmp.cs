using EsusCheck.Chat.Tests.Support;
namespace EsusCheck.Chat.Tests;
public sealed class DumpTmp
{
    [Fact]
    public async Task Dump()
    {
        using var h = new ChatHarness();
        var sb = new System.Text.StringBuilder();
        foreach (var c in ChatCorpus.Cases)
        {
            var a = await h.AskAsync(c.Message);
            sb.AppendLine($"########## {c.Message}  => {a.Intent} topic={a.Understanding!.Topic} cpv={a.Understanding.Cpv?.Code}");
            sb.AppendLine(a.Reply);
        }
        File.WriteAllText("/tmp/replies.md", sb.ToString());
    }
}
