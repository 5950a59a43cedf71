using System.Text;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Replies;

/// <summary>Renders a reply as the light Markdown that Teams, Copilot Studio and MCP clients display.</summary>
public static class MarkdownRenderer
{
    public static string Render(ReplyDocument document) =>
        string.Join("\n\n", document.Sections.Select(RenderSection).Where(s => s.Length > 0));

    private static string RenderSection(IReadOnlyList<ReplyBlock> blocks)
    {
        var parts = new List<string>();
        var shortVerdicts = new List<string>();
        foreach (var block in blocks)
        {
            if (block is VerdictBlock { Detailed: false } brief)
            {
                shortVerdicts.Add($"- {brief.Subject} : {brief.Status}{Link(brief.Basis, " ")}");
                continue;
            }
            if (shortVerdicts.Count > 0)
            {
                parts.Add(string.Join("\n", shortVerdicts));
                shortVerdicts.Clear();
            }
            parts.Add(block switch
            {
                // A heading carries registry text (the registered name, the address): it must not become a link or markup.
                HeadingBlock heading => $"**{Escape(heading.Text)}**" + (heading.Subtitle is { } subtitle ? $"\n{Escape(subtitle)}" : ""),
                ParagraphBlock paragraph => paragraph.Text,
                BulletsBlock bullets => (bullets.Title is { } title ? title + "\n" : "") + string.Join("\n", bullets.Items.Select(i => "- " + i)),
                VerdictBlock verdict => Verdict(verdict),
                ReferencesBlock references => "Références : " + string.Join(" · ", references.References.Select(r => $"[{Cite(r)}]({r.Url})")),
                _ => "",
            });
        }
        if (shortVerdicts.Count > 0) parts.Add(string.Join("\n", shortVerdicts));
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    /// <summary>Backslash-escapes what Markdown would read as emphasis, code, a link, HTML or a table.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Verdict(VerdictBlock verdict)
    {
        var text = new StringBuilder($"**{verdict.Subject} : {verdict.Status}.**");
        foreach (var reason in verdict.Reasons) text.Append(' ').Append(reason);
        text.Append(Link(verdict.Basis, " "));
        if (verdict.ToVerify.Count > 0)
            text.Append("\nÀ vérifier : ").Append(string.Join(" ", verdict.ToVerify));
        return text.ToString();
    }

    private static string Link(LegalBasis? basis, string prefix) => basis is null ? "" : $"{prefix}([{Cite(basis)}]({basis.Url}))";

    /// <summary>« art. L2113-13, code de la commande publique » / « loi n° 2014-856 du 31 juillet 2014, art. 1 ».</summary>
    public static string Cite(LegalBasis basis) =>
        basis.Article.StartsWith("art.", StringComparison.Ordinal)
            ? $"{basis.Code}, {basis.Article}"
            : $"art. {basis.Article}, {LowerFirst(basis.Code)}";

    private static string LowerFirst(string text) => text.StartsWith("Code", StringComparison.Ordinal) ? "c" + text[1..] : text;
}
