using EsusCheck.Chat.Conversation;

namespace EsusCheck.Chat;

/// <summary>Configuration section <c>Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>The shared secret Teams shows when an outgoing webhook is created (base64). Without it, the Teams
    /// endpoint refuses every request. From Key Vault in Azure; never logged.</summary>
    public string? TeamsSecret { get; set; }

    /// <summary>How far a Teams activity's timestamp may be from the server's clock: a signed request replayed later
    /// is refused.</summary>
    public TimeSpan TeamsReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a conversation remembers its last companies and CPV code after its last message.</summary>
    public TimeSpan ContextLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most companies checked for one message; the others are listed as not checked.</summary>
    public int MaxCompaniesPerMessage { get; set; } = 5;

    /// <summary>The longest message accepted, in characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Largest body the chat, Teams and MCP endpoints read (413 beyond, before it is buffered).</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Messages an MCP JSON-RPC batch may hold (413 beyond).</summary>
    public int McpMaxBatch { get; set; } = 20;

    /// <summary>Total time an MCP batch may take; the messages not answered by then get an error.</summary>
    public TimeSpan McpBatchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The Table Storage table holding conversation contexts.</summary>
    public string ContextTable { get; set; } = "chatcontext";

    public bool IsAlive(ChatContext context, DateTimeOffset now) => now - context.UpdatedAt <= ContextLifetime;
}
