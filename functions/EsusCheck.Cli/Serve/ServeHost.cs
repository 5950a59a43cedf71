using System.Net;
using System.Security.Cryptography;
using System.Text;
using EsusCheck.Bulk;
using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Serve;

/// <summary>The function app's HTTP API and page on Kestrel, in this process: every row of <see cref="ApiEndpoints"/>
/// mapped at its route (the page's is <c>/</c>), MCP's POST through the SDK's <c>MapMcp</c>.</summary>
public static class ServeHost
{
    public const int DefaultPort = 7071;

    public static WebApplication Build(IConfiguration configuration, IReadOnlyList<string> urls, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Bulk uploads are bounded by the endpoint itself (Bulk:MaxUploadBytes), with a French problem.
            var maxUpload = configuration.GetSection(BulkOptions.Section).Get<BulkOptions>()?.MaxUploadBytes ?? new BulkOptions().MaxUploadBytes;
            kestrel.Limits.MaxRequestBodySize = maxUpload + 1024 * 1024;
        });
        builder.Services.AddEsusCheckServe(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapEsusCheck();
        return app;
    }

    /// <summary>Maps every endpoint of the table; keyed ones pass the key check first when <c>Serve:ApiKey</c> is set.</summary>
    public static void MapEsusCheck(this IEndpointRouteBuilder routes)
    {
        foreach (var endpoint in ApiEndpoints.All)
        {
            if (endpoint.Name == ApiOperations.Mcp)
            {
                routes.MapMcpEndpoint(endpoint);
                continue;
            }
            routes.MapMethods(endpoint.Path, endpoint.Methods, Handler(endpoint, endpoint.Invoke)).WithName(endpoint.Name);
        }
    }

    /// <summary>MCP through the SDK's own <c>MapMcp</c>, its POST handler behind the function's checks (key, rate limit,
    /// body size, <see cref="McpGateway"/>); GET and DELETE, which the stateless SDK does not map, reach the function
    /// for its 405.</summary>
    private static void MapMcpEndpoint(this IEndpointRouteBuilder routes, ApiEndpoint endpoint)
    {
        routes.MapMcp(endpoint.Path).Add(builder =>
        {
            var sdk = builder.RequestDelegate!;
            builder.RequestDelegate = Handler(endpoint, context =>
                ActivatorUtilities.CreateInstance<McpFunction>(context.RequestServices).HandleAsync(context.Request, sdk, context.RequestAborted));
        });
        routes.MapMethods(endpoint.Path, [.. endpoint.Methods.Where(m => !HttpMethods.IsPost(m))], Handler(endpoint, endpoint.Invoke)).WithName(endpoint.Name);
    }

    private static RequestDelegate Handler(ApiEndpoint endpoint, Func<HttpContext, Task<IActionResult>> invoke) => async context =>
    {
        if (!endpoint.Anonymous && !KeyAccepted(context))
        {
            // What the Functions host answers to a missing or wrong key.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var result = await invoke(context);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    };

    private static bool KeyAccepted(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<ServeOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(expected)) return true;
        var given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault() ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>The addresses Kestrel listens on, once started (the real port when 0 was asked).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>True when every URL names this machine only (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool LoopbackOnly(IEnumerable<string> urls) => urls.All(url =>
    {
        var host = Uri.TryCreate(url.Replace("*", "wildcard", StringComparison.Ordinal).Replace("+", "wildcard", StringComparison.Ordinal),
            UriKind.Absolute, out var uri) ? uri.Host : "";
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    });
}
