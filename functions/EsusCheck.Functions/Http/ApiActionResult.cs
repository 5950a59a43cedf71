using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace EsusCheck.Functions.Http;

/// <summary>Writes an <see cref="ApiResponse"/> as it is: no MVC formatter decides the JSON or the content type.</summary>
public sealed class ApiActionResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = Response.Status;
        foreach (var (name, value) in Response.Headers) http.Headers[name] = value;
        if (Response.File is { } file)
        {
            http.ContentType = Response.ContentType;
            await using (file) await file.CopyToAsync(http.Body, context.HttpContext.RequestAborted);
            return;
        }
        if (Response.Content is null) return;
        http.ContentType = Response.ContentType;
        var bytes = Encoding.UTF8.GetBytes(Response.Content);
        http.ContentLength = bytes.Length;
        await http.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }

    public static implicit operator ApiActionResult(ApiResponse response) => new(response);

    /// <summary>The chat, Teams and MCP handlers answer with the chat project's host-independent reply.</summary>
    public static ApiActionResult From(EsusCheck.Chat.Http.HttpReply reply) =>
        new(new ApiResponse(reply.Status, reply.Body, reply.ContentType, reply.Headers ?? new Dictionary<string, string>()));

    public static async Task<string> ReadBodyAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
