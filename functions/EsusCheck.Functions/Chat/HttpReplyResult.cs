using System.Text;
using EsusCheck.Chat.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EsusCheck.Functions.Chat;

/// <summary>Writes a host-independent <see cref="HttpReply"/> (status, headers, body) onto the function's response.</summary>
public sealed class HttpReplyResult(HttpReply reply) : IActionResult
{
    public HttpReply Reply { get; } = reply;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Reply.Status;
        foreach (var (name, value) in Reply.Headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        if (Reply.Body is null) return;
        response.ContentType = Reply.ContentType;
        await response.WriteAsync(Reply.Body, Encoding.UTF8, context.HttpContext.RequestAborted);
    }

    public static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
