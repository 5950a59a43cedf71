using System.Text;
using EsusCheck.Chat.Http;
using EsusCheck.Functions.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace EsusCheck.Chat.Tests.Support;

/// <summary>One request to the function app's <see cref="McpFunction"/> (and so the SDK's handler behind the gateway),
/// created from the given services as the Functions host does; the response as the client reads it.</summary>
public static class McpCall
{
    public static async Task<HttpReply> SendAsync(IServiceProvider services, string method, string? body, string? accept = null, string? version = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = "/api/v1/mcp";
        if (accept is not null) context.Request.Headers.Accept = accept;
        if (version is not null) context.Request.Headers["MCP-Protocol-Version"] = version;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));
        var output = new MemoryStream();
        context.Response.Body = output;

        var result = await ActivatorUtilities.CreateInstance<McpFunction>(services, new EsusCheck.Functions.Http.ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new EsusCheck.Functions.Http.HttpApiOptions()))).Run(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        var text = Encoding.UTF8.GetString(output.ToArray());
        return new HttpReply(context.Response.StatusCode, context.Response.ContentType, text.Length == 0 ? null : text,
            context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
    }
}
