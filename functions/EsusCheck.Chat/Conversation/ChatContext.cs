namespace EsusCheck.Chat.Conversation;

/// <summary>What a conversation remembers between messages: the companies last discussed (SIRETs), the last CPV
/// code, so that « et pour un marché de services sociaux ? » needs no number, and the last question asked about a
/// company (with its article), so that « même question pour 732 829 320 00074 » repeats it.</summary>
public sealed record ChatContext(
    IReadOnlyList<string> Sirets, string? Cpv, string? CpvLabel, DateTimeOffset UpdatedAt,
    Understanding.Intent? Question = null, Core.Reports.ReservedArticle? Article = null)
{
    public static ChatContext Empty(DateTimeOffset now) => new([], null, null, now);
}
