using EsusCheck.Functions.Http;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>The document as a client reads it: rendered by the endpoint, parsed back by Microsoft.OpenApi.Readers.</summary>
public static class OpenApiDocuments
{
    private static readonly Lazy<OpenApiDocument> V3 = new(() => Read(null));

    public static OpenApiDocument Served => V3.Value;

    public static OpenApiDocument Read(string? format)
    {
        var json = OpenApiEndpoint.Render("https://esuscheck.example.net/api", format, "/api/v1/openapi.json").Content!;
        var document = new OpenApiStringReader().Read(json, out var diagnostic);
        if (diagnostic.Errors.Count > 0)
            throw new InvalidOperationException(string.Join("\n", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        return document;
    }

    /// <summary>The schema the document declares for one operation's response body.</summary>
    public static OpenApiSchema ResponseSchema(string operationId, int status)
    {
        var operation = Served.Paths.Values.SelectMany(p => p.Operations.Values).Single(o => o.OperationId == operationId);
        return operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)].Content.Values.Single().Schema;
    }

    public static OpenApiSchema Component(string name) => Served.Components.Schemas[name];
}
