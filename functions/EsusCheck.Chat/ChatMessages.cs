using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat;

/// <summary>The body of <c>POST /api/v1/chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId = null);

/// <summary>Something in the message that could not be checked: a stable code for programs, a French message.</summary>
public sealed record ChatProblem(string Input, string Code, string Message);

/// <summary>The answer to one message: the French reply, the reports it rests on, an Adaptive Card rendering the same
/// reply, follow-up questions, and the conversation id to send back with the next message.</summary>
public sealed record ChatAnswer(
    string ConversationId,
    string Intent,
    string Reply,
    IReadOnlyList<EligibilityReport> Reports,
    JsonObject Card,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<ChatProblem> Problems)
{
    /// <summary>What the interpreter understood (tests, logs); not part of the public JSON.</summary>
    [JsonIgnore]
    public MessageUnderstanding? Understanding { get; init; }
}
