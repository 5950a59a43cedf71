using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>A real <see cref="HttpRequest"/> (DefaultHttpContext) as the ASP.NET Core integration hands it to a function,
/// and the response as the client receives it once the result has executed.</summary>
public static class HttpCall
{
    public static HttpRequest Request(string method, string path, string? query = null, string? body = null,
        IDictionary<string, string>? headers = null, IDictionary<string, string>? route = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("esuscheck.example.net");
        request.Path = path;
        if (query is not null) request.QueryString = new QueryString(query.StartsWith('?') ? query : "?" + query);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers[name] = value;
        foreach (var (name, value) in route ?? new Dictionary<string, string>()) request.RouteValues[name] = value;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json";
        }
        context.Response.Body = new MemoryStream();
        return request;
    }

    public static HttpRequest Get(string path, string? query = null, IDictionary<string, string>? headers = null, IDictionary<string, string>? route = null) =>
        Request("GET", path, query, null, headers, route);

    public static async Task<Response> ExecuteAsync(this IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync();
        return new Response(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, body);
    }

    public sealed record Response(int Status, IHeaderDictionary Headers, string? ContentType, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body");

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;
    }
}
