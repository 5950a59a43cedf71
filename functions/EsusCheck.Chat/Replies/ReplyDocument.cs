using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Chat.Replies;

/// <summary>One piece of a reply. The same document is rendered as Markdown text (<see cref="MarkdownRenderer"/>) and
/// as an Adaptive Card, so that the two never say different things.</summary>
public abstract record ReplyBlock;

public sealed record HeadingBlock(string Text, string? Subtitle = null) : ReplyBlock;

public sealed record ParagraphBlock(string Text, Tone Tone = Tone.Neutral) : ReplyBlock;

public sealed record BulletsBlock(IReadOnlyList<string> Items, string? Title = null) : ReplyBlock;

/// <summary>A verdict: what it is about (« Agrément ESUS », « Marché réservé L2113-13 »), its status in French, why,
/// what to verify, and the article. <see cref="Detailed"/> verdicts answer the question; the others are one line.</summary>
public sealed record VerdictBlock(
    string Subject,
    string Status,
    Tone Tone,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ToVerify,
    LegalBasis? Basis,
    bool Detailed) : ReplyBlock;

public sealed record ReferencesBlock(IReadOnlyList<LegalBasis> References) : ReplyBlock;

/// <summary>A reply: sections (one per company, or one explanation), each a list of blocks.</summary>
public sealed record ReplyDocument(IReadOnlyList<IReadOnlyList<ReplyBlock>> Sections)
{
    public static ReplyDocument Of(params ReplyBlock[] blocks) => new([blocks]);
}
