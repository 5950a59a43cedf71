using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace EsusCheck.Chat.Mcp;

/// <summary>Registers the <see cref="McpServerToolAttribute"/> methods of a class as the SDK's <c>WithTools&lt;T&gt;()</c>
/// does (the SDK derives names, annotations and schemas from the attributes and parameters), with schema options that
/// overload does not take.</summary>
public static class McpToolRegistration
{
    /// <summary>The input schemas agents were given before the SDK: closed objects (<c>additionalProperties: false</c>),
    /// and no <c>default</c> — the C# default of an optional argument (<c>cpv = ""</c>) is how the tool reads its absence,
    /// not a value to offer the agent.</summary>
    public static readonly AIJsonSchemaCreateOptions SchemaOptions = new()
    {
        TransformOptions = new()
        {
            DisallowAdditionalProperties = true,
            TransformSchemaNode = (_, schema) =>
            {
                (schema as JsonObject)?.Remove("default");
                return schema;
            },
        },
    };

    public static IMcpServerBuilder WithTools<TTools>(this IMcpServerBuilder builder, AIJsonSchemaCreateOptions schemaOptions)
        where TTools : class
    {
        var methods = typeof(TTools).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(method => method.IsDefined(typeof(McpServerToolAttribute)));
        foreach (var method in methods)
            builder.Services.AddSingleton(services =>
            {
                var options = new McpServerToolCreateOptions { Services = services, SchemaCreateOptions = schemaOptions };
                return method.IsStatic
                    ? McpServerTool.Create(method, target: null, options)
                    : McpServerTool.Create(method, request => ActivatorUtilities.CreateInstance<TTools>(request.Services!), options);
            });
        return builder;
    }
}
