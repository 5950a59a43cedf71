using EsusCheck.Functions.Chat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Chat.Tests.Support;

/// <summary>An in-process ASP.NET Core server (TestHost) that mounts the very <see cref="McpFunction"/> of the function
/// app, and so the same gateway and SDK handler, at <c>/api/v1/mcp</c>.</summary>
public sealed class McpTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private McpTestServer(WebApplication app) => _app = app;

    public static async Task<McpTestServer> StartAsync(IServiceProvider services)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var function = ActivatorUtilities.CreateInstance<McpFunction>(services, new EsusCheck.Functions.Http.ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new EsusCheck.Functions.Http.HttpApiOptions())));
        app.Map("/api/v1/mcp", async (HttpContext context) =>
        {
            var result = await function.Run(context.Request, context.RequestAborted);
            await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        });
        await app.StartAsync();
        return new McpTestServer(app);
    }

    public HttpClient CreateClient() => _app.GetTestClient();

    public Uri Endpoint => new(_app.GetTestServer().BaseAddress, "api/v1/mcp");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
