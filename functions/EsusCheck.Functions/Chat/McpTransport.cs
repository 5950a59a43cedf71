using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EsusCheck.Functions.Chat;

/// <summary>The official SDK's streamable HTTP handler, as <c>MapMcp</c> builds it, for a host that has no endpoint
/// routing of its own: the trigger's <see cref="McpGateway"/> hands it one <see cref="HttpContext"/> per JSON-RPC request.
/// The SDK keeps its handler internal, so the endpoint <c>MapMcp</c> produces is built once on a private route table and
/// its request delegate taken from it.</summary>
public sealed class McpTransport(IServiceProvider services)
{
    private readonly Lazy<RequestDelegate> _post = new(() => Map(services), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The SDK's POST endpoint (stateless mode maps no GET or DELETE).</summary>
    public RequestDelegate Post => _post.Value;

    private static RequestDelegate Map(IServiceProvider services)
    {
        var routes = new PrivateRoutes(services);
        routes.MapMcp();
        return routes.DataSources.SelectMany(source => source.Endpoints)
            .Single(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .RequestDelegate!;
    }

    private sealed class PrivateRoutes(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;
        public ICollection<EndpointDataSource> DataSources { get; } = [];
        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
