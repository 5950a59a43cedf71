using System.Text.Json.Nodes;
using EsusCheck.Chat.Replies;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Chat.Cards;

/// <summary>Renders a reply as an Adaptive Card (schema 1.5, the highest Teams renders), written by hand because the
/// Bot Framework packages are not available: text blocks, fact sets for one-line verdicts, colours for good news, bad
/// news and points to verify, and Légifrance links as actions.</summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    private const int MaxActions = 5;

    public static JsonObject Render(ReplyDocument document, IReadOnlyList<string> suggestions)
    {
        var body = new JsonArray();
        var links = new List<LegalBasis>();
        foreach (var (section, index) in document.Sections.Select((s, i) => (s, i)))
        {
            var container = new JsonArray();
            RenderSection(section, container, links);
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = index > 0,
                ["spacing"] = index > 0 ? "Large" : "None",
                ["items"] = container,
            });
        }
        if (suggestions.Count > 0)
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = "Vous pouvez aussi demander : " + string.Join(" · ", suggestions.Select(s => $"« {s} »")),
                ["wrap"] = true,
                ["isSubtle"] = true,
                ["size"] = "Small",
                ["separator"] = true,
            });

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["lang"] = "fr",
            ["body"] = body,
            ["actions"] = new JsonArray(links.DistinctBy(l => l.Url).Take(MaxActions)
                .Select(l => (JsonNode)new JsonObject
                {
                    ["type"] = "Action.OpenUrl",
                    ["title"] = $"{Short(l)} sur Légifrance",
                    ["url"] = l.Url,
                }).ToArray()),
        };
    }

    private static void RenderSection(IReadOnlyList<ReplyBlock> blocks, JsonArray items, List<LegalBasis> links)
    {
        JsonArray? facts = null;
        foreach (var block in blocks)
        {
            if (block is VerdictBlock { Detailed: false } brief)
            {
                if (facts is null)
                {
                    facts = [];
                    items.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
                }
                facts.Add(new JsonObject { ["title"] = brief.Subject, ["value"] = brief.Status });
                if (brief.Basis is not null) links.Add(brief.Basis);
                continue;
            }
            facts = null;
            switch (block)
            {
                case HeadingBlock heading:
                    items.Add(Text(heading.Text, size: "Medium", weight: "Bolder"));
                    if (heading.Subtitle is { } subtitle) items.Add(Text(subtitle, subtle: true, spacing: "None"));
                    break;
                case ParagraphBlock paragraph:
                    items.Add(Text(paragraph.Text, color: Colour(paragraph.Tone), subtle: paragraph.Tone == Tone.Subtle,
                        size: paragraph.Tone == Tone.Subtle ? "Small" : null));
                    break;
                case BulletsBlock bullets:
                    if (bullets.Title is { } title) items.Add(Text(title, weight: "Bolder"));
                    items.Add(Text(string.Join("\n", bullets.Items.Select(i => "- " + i))));
                    break;
                case VerdictBlock verdict:
                    items.Add(Text($"{verdict.Subject} : {verdict.Status}", weight: "Bolder", color: Colour(verdict.Tone)));
                    if (verdict.Reasons.Count > 0) items.Add(Text(string.Join(" ", verdict.Reasons), spacing: "None"));
                    if (verdict.ToVerify.Count > 0) items.Add(Text("À vérifier : " + string.Join(" ", verdict.ToVerify), color: "Warning", spacing: "None"));
                    if (verdict.Basis is not null)
                    {
                        items.Add(Text($"[{MarkdownRenderer.Cite(verdict.Basis)}]({verdict.Basis.Url})", subtle: true, size: "Small", spacing: "None"));
                        links.Add(verdict.Basis);
                    }
                    break;
                case ReferencesBlock references:
                    items.Add(Text("Références : " + string.Join(" · ", references.References.Select(r => $"[{MarkdownRenderer.Cite(r)}]({r.Url})")),
                        subtle: true, size: "Small"));
                    links.AddRange(references.References);
                    break;
            }
        }
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static string? Colour(Tone tone) => tone switch
    {
        Tone.Good => "Good",
        Tone.Bad => "Attention",
        Tone.Warning => "Warning",
        _ => null,
    };

    private static string Short(LegalBasis basis) =>
        basis.Article.StartsWith("art.", StringComparison.Ordinal) ? $"Loi ESS, {basis.Article}" : $"Art. {basis.Article}";
}
