namespace EsusCheck.Chat.Conversation;

/// <summary>What a conversation remembers between messages: the companies last discussed (SIRETs) and the last CPV
/// code, so that « et pour un marché de services sociaux ? » needs no number.</summary>
public sealed record ChatContext(IReadOnlyList<string> Sirets, string? Cpv, string? CpvLabel, DateTimeOffset UpdatedAt)
{
    public static ChatContext Empty(DateTimeOffset now) => new([], null, null, now);
}
