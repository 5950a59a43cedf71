using EsusCheck.Core.Rules;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Http;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;

namespace EsusCheck.Functions.OpenApi;

/// <summary>Builds the OpenAPI document of the HTTP API from the route table the function app and <c>esuscheck serve</c>
/// serve (<see cref="ApiEndpoints"/>): every path, method and key requirement is a row of it, so that the document cannot
/// describe a route the code does not serve, nor miss one. The words come from <see cref="OperationDescriptions"/>.</summary>
public static class OpenApiDocumentBuilder
{
    public const string HeaderKeyScheme = "functionKeyHeader";
    public const string QueryKeyScheme = "functionKeyQuery";
    public const string FunctionKeyHeader = "x-functions-key";
    public const string FunctionKeyQuery = "code";

    /// <param name="serverUrl">The base URL up to and including <c>/api</c>.</param>
    /// <param name="headerKeyOnly">Declare only the header key scheme: Power Platform connectors accept one
    /// security definition.</param>
    public static OpenApiDocument Build(string serverUrl, bool headerKeyOnly = false)
    {
        var components = new OpenApiComponents
        {
            SecuritySchemes = new Dictionary<string, OpenApiSecurityScheme>
            {
                [HeaderKeyScheme] = new()
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = FunctionKeyHeader,
                    Description = "Clé de fonction Azure Functions, dans l'en-tête x-functions-key.",
                },
            },
        };
        if (!headerKeyOnly)
            components.SecuritySchemes[QueryKeyScheme] = new()
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = FunctionKeyQuery,
                Description = "La même clé de fonction, dans le paramètre de requête code (quand un en-tête n'est pas possible).",
            };
        ReportSchemas.AddTo(components.Schemas);
        ApiSchemas.AddTo(components.Schemas);
        ChatSchemas.AddTo(components.Schemas);
        BulkSchemas.AddTo(components.Schemas);

        var security = components.SecuritySchemes.Keys.Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = scheme } }] = [],
        }).ToList();

        return new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "EsusCheck",
                Version = "1.0",
                Description =
                    "Vérifie si un fournisseur (SIRET) relève de l'économie sociale et solidaire, détient l'agrément ESUS et peut " +
                    "candidater aux marchés réservés (articles L2113-12, L2113-13, L2113-13-1 et L2113-15 du code de la commande " +
                    $"publique), avec les textes qui fondent chaque réponse. Version des règles : {RulesVersion.Current}.",
            },
            Servers = [new OpenApiServer { Url = serverUrl }],
            Paths = Paths(security),
            Components = components,
        };
    }

    public static string Serialize(OpenApiDocument document, OpenApiSpecVersion version) => document.SerializeAsJson(version);

    public static string Path(string route) => ApiRoutes.UnderServer(route);

    /// <summary>One operation per API row, in the table's order: at the row's route, under the first method it declares
    /// (the MCP endpoint's GET and DELETE only answer 405), with the keys unless the row is anonymous.</summary>
    private static OpenApiPaths Paths(List<OpenApiSecurityRequirement> security)
    {
        var paths = new OpenApiPaths();
        foreach (var endpoint in ApiEndpoints.All.Where(e => e.InOpenApi))
        {
            var path = Path(endpoint.Route);
            if (!paths.TryGetValue(path, out var item)) paths[path] = item = new OpenApiPathItem();
            item.Operations[Enum.Parse<OperationType>(endpoint.Methods[0], ignoreCase: true)] =
                OperationDescriptions.For(endpoint.Name, endpoint.Anonymous ? [] : security);
        }
        return paths;
    }
}
