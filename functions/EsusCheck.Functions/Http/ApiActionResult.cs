using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Mvc;

namespace EsusCheck.Functions.Http;

/// <summary>Writes an <see cref="ApiResponse"/> as it is: no MVC formatter decides the JSON or the content type. The
/// status and headers are written here; the body by <see cref="TextBody"/> (JSON, problem, page) or
/// <see cref="FileBody"/> (a streamed download).</summary>
public sealed class ApiActionResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = Response.Status;
        foreach (var (name, value) in Response.Headers) http.Headers[name] = value;
        return Response.File is { } file
            ? FileBody.WriteAsync(http, Response.ContentType, file, context.HttpContext.RequestAborted)
            : TextBody.WriteAsync(http, Response.ContentType, Response.Content, context.HttpContext.RequestAborted);
    }

    public static implicit operator ApiActionResult(ApiResponse response) => new(response);

    /// <summary>The chat, Teams and MCP handlers answer with the chat project's host-independent reply.</summary>
    public static ApiActionResult From(HttpReply reply) => new(reply.ToApiResponse());
}
