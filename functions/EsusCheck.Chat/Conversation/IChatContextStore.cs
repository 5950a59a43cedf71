namespace EsusCheck.Chat.Conversation;

/// <summary>Keeps each conversation's context. The Table Storage store is the durable one; the default keeps it in memory.</summary>
public interface IChatContextStore
{
    /// <returns>The context, or null when the conversation is unknown or idle for longer than the configured lifetime.</returns>
    Task<ChatContext?> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task SaveAsync(string conversationId, ChatContext context, CancellationToken cancellationToken);
}
