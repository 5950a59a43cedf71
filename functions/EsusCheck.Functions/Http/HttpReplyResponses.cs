using EsusCheck.Chat.Http;

namespace EsusCheck.Functions.Http;

/// <summary>The chat project's host-independent reply (chat, Teams, MCP), answered like any other response.</summary>
public static class HttpReplyResponses
{
    public static ApiResponse ToApiResponse(this HttpReply reply) =>
        new(reply.Status, reply.Body, reply.ContentType, reply.Headers ?? new Dictionary<string, string>());
}
