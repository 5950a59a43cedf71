using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Reflection;
using System.Text.Json.Nodes;
using EsusCheck.Core.Engine;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.OpenApi;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace EsusCheck.Functions.Tests;

/// <summary>The OpenAPI document parses without errors, describes every function as the code declares it, and its
/// report schema matches real serialised reports property by property.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> HttpFunctions()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _) in DeclaredFunctions()) data.Add(name);
        return data;
    }

    private static IEnumerable<(string Name, HttpTriggerAttribute Trigger, MethodInfo Method)> DeclaredFunctions() =>
        typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            // The buyers' page and its assets are not API operations (ApiEndpoint.InOpenApi).
            .Where(x => ApiEndpoints.All.Single(e => e.Name == x.Function!.Name).InOpenApi)
            .Select(x => (x.Function!.Name, x.Trigger!, x.Method));

    [Fact]
    public void The_openapi3_document_parses_without_errors()
    {
        var document = OpenApiDocuments.Read("openapi3");
        var json = JsonNode.Parse(OpenApiEndpoint.Render("https://esuscheck.example.net/api", null, "/").Content!)!;

        Assert.StartsWith("3.0.", (string?)json["openapi"]);
        Assert.Equal("https://esuscheck.example.net/api", Assert.Single(document.Servers).Url);
    }

    [Fact]
    public void The_swagger2_variant_parses_without_errors_with_one_header_key_scheme_for_power_platform()
    {
        var json = JsonNode.Parse(OpenApiEndpoint.Render("https://esuscheck.example.net/api", "swagger2", "/").Content!)!;
        var document = OpenApiDocuments.Read("swagger2");

        Assert.Equal("2.0", (string?)json["swagger"]);
        Assert.Equal("esuscheck.example.net", (string?)json["host"]);
        var scheme = Assert.Single(document.Components.SecuritySchemes).Value;
        Assert.Equal(ParameterLocation.Header, scheme.In);
        Assert.Equal("x-functions-key", scheme.Name);
        Assert.Equal(OpenApiDocuments.Served.Paths.Keys.Order(), document.Paths.Keys.Order());
        Assert.Equal(DeclaredFunctions().Count(), document.Paths.Values.Sum(p => p.Operations.Count));
    }

    /// <summary>A function may accept more methods than it documents (the MCP endpoint answers 405 to GET and DELETE,
    /// as its transport requires); the first method it declares is the one documented under its name.</summary>
    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Every_http_function_is_documented_at_its_route_with_its_method_and_auth(string functionName)
    {
        var (_, trigger, _) = DeclaredFunctions().Single(f => f.Name == functionName);

        // The document's paths are relative to its server URL, which ends with /api (checked with the servers).
        var url = "/" + trigger.Route;
        Assert.StartsWith("/api/", url, StringComparison.Ordinal);
        var path = OpenApiDocuments.Served.Paths[url["/api".Length..]];
        Assert.All(path.Operations.Keys, type => Assert.Contains(type.ToString(), trigger.Methods!, StringComparer.OrdinalIgnoreCase));
        var operation = path.Operations.Single(o => string.Equals(o.Key.ToString(), trigger.Methods![0], StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Equal(functionName, operation.OperationId);
        if (trigger.AuthLevel == AuthorizationLevel.Anonymous) Assert.Empty(operation.Security);
        else
            Assert.Equal(["functionKeyHeader", "functionKeyQuery"],
                operation.Security.SelectMany(r => r.Keys).Select(s => s.Reference.Id).ToArray());
    }

    [Fact]
    public void The_document_has_no_path_the_code_does_not_serve()
    {
        var urls = DeclaredFunctions().Select(f => "/" + f.Trigger.Route).Order().ToArray();

        Assert.Equal(urls, OpenApiDocuments.Served.Paths.Keys.Select(p => "/api" + p).Order().ToArray());
    }

    [Fact]
    public void Every_operation_has_a_french_summary_description_and_every_parameter_an_x_ms_summary()
    {
        var operations = OpenApiDocuments.Served.Paths.Values.SelectMany(p => p.Operations.Values).ToList();

        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Summary));
            Assert.False(string.IsNullOrWhiteSpace(o.Description));
            Assert.NotEmpty(o.Tags);
            Assert.All(o.Parameters, p => Assert.IsType<OpenApiString>(p.Extensions["x-ms-summary"]));
            Assert.All(o.Responses.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        });
        Assert.Equal(operations.Count, operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public void The_mcp_endpoint_is_marked_for_copilot_studio_and_the_teams_webhook_hidden_from_connectors()
    {
        var mcp = OpenApiDocuments.Served.Paths[OpenApiDocumentBuilder.Path(ApiRoutes.Mcp)].Operations[OperationType.Post];
        var teams = OpenApiDocuments.Served.Paths[OpenApiDocumentBuilder.Path(ApiRoutes.Teams)].Operations[OperationType.Post];

        Assert.Equal("mcp-streamable-1.0", Assert.IsType<OpenApiString>(mcp.Extensions["x-ms-agentic-protocol"]).Value);
        Assert.Equal("internal", Assert.IsType<OpenApiString>(teams.Extensions["x-ms-visibility"]).Value);
    }

    [Fact]
    public void The_key_schemes_are_the_function_key_in_header_or_query()
    {
        var schemes = OpenApiDocuments.Served.Components.SecuritySchemes;

        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "x-functions-key"),
            (schemes["functionKeyHeader"].Type, schemes["functionKeyHeader"].In, schemes["functionKeyHeader"].Name));
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Query, "code"),
            (schemes["functionKeyQuery"].Type, schemes["functionKeyQuery"].In, schemes["functionKeyQuery"].Name));
    }

    public static TheoryData<string> Reports() => new(ReportCases.Keys);

    private static readonly IReadOnlyDictionary<string, Func<EligibilityReport>> ReportCases = new Dictionary<string, Func<EligibilityReport>>
    {
        ["association ESAT on the ESUS list, with CPV"] = () => Evaluate(new FactsBuilder().WithLegalForm("9220", "Association déclarée")
            .WithEssFlag(true).WithMarche((InclusionKind.ESAT, true)).WithFiness("246")
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true, new DateOnly(2029, 4, 30)), "85311000-2"),
        ["prison work structure, ESS unknown"] = () => Evaluate(new FactsBuilder().WithEssFlag(null).WithMarche((InclusionKind.SEP, true)), null),
        ["ceased company, no list"] = () => Evaluate(new FactsBuilder().Ceased(new DateOnly(2022, 10, 22)), null),
        ["masked identity from INSEE, sources unavailable or stale"] = () => Evaluate(new FactsBuilder()
            .WithIdentity(i => i with { Name = null, Address = null, LegalForm = null, Activity = null, Diffusion = Diffusion.Partial })
            .IdentityFrom(SourceNames.Sirene)
            .WithSource(SourceNames.MarcheInclusion, SourceOutcome.Unavailable)
            .WithSource(SourceNames.Finess, SourceOutcome.Found, fromCache: true, stale: true)
            .WithEsusList(new DateOnly(2025, 7, 1), listed: false), "79622000"),
        ["siae by type_siae, not configured Marché"] = () => Evaluate(new FactsBuilder().WithTypeSiae(InclusionKind.EI, InclusionKind.ACI)
            .WithSource(SourceNames.MarcheInclusion, SourceOutcome.NotConfigured), null),
    };

    private static EligibilityReport Evaluate(FactsBuilder facts, string? cpv)
    {
        CpvCode? code = null;
        if (cpv is not null && CpvCode.TryParse(cpv, out var parsed, out _)) code = parsed;
        return EligibilityEngine.Evaluate(facts.Build(), new PurchaseContext(code), Now);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_property_of_a_serialised_report_is_in_the_schema_and_every_schema_property_is_written(string name)
    {
        var json = JsonNode.Parse(ReportJson.Serialize(ReportCases[name]()));

        var errors = SchemaValidator.Validate(json, OpenApiDocuments.Component("EligibilityReport"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_report_cases_cover_every_verdict_and_outcome_value_the_schema_lists()
    {
        var written = ReportCases.Values.Select(r => JsonNode.Parse(ReportJson.Serialize(r()))!).ToList();
        var outcomes = written.SelectMany(r => r["evidence"]!.AsArray().Select(e => (string)e!["outcome"]!)).ToHashSet();
        var statuses = written.SelectMany(r => r["reservedContracts"]!.AsArray().Select(c => (string)c!["status"]!)).ToHashSet();

        Assert.Equal(EnumOf("EvidenceItem", "outcome").Order(), outcomes.Order());
        Assert.Equal(EnumOf("ReservedContractVerdict", "status").Order(), statuses.Order());
        var conditions = written.SelectMany(r => r["reservedContracts"]!.AsArray().SelectMany(c => c!["conditions"]!.AsArray()))
            .Select(c => (string)c!["code"]!).ToHashSet();
        Assert.Equal(EnumOf("ContractCondition", "code").Order(), conditions.Order());
    }

    [Fact]
    public void The_schema_enums_are_the_contract_spellings()
    {
        Assert.Equal(["L2113-12", "L2113-13", "L2113-13-1", "L2113-15"], EnumOf("ReservedContractVerdict", "article"));
        Assert.Equal(["yes", "no", "unknown"], EnumOf("EssVerdict", "status"));
        Assert.Equal(["accredited", "not_accredited", "unknown"], EnumOf("EsusVerdict", "status"));
        Assert.Contains("ESAT", OpenApiDocuments.Component("EligibilityReport").Properties["inclusionKinds"].Items.Enum
            .OfType<OpenApiString>().Select(e => e.Value));
    }

    [Fact]
    public void The_validator_catches_an_undeclared_a_missing_and_a_misspelt_property()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(ReportCases.Values.First()()))!.AsObject();
        json["verdictGlobal"] = "oui";
        json.Remove("warnings");
        json["ess"]!["status"] = "Yes";
        json["checkedAt"] = "hier";

        var errors = SchemaValidator.Validate(json, OpenApiDocuments.Component("EligibilityReport"));

        Assert.Contains(errors, e => e.StartsWith("$.verdictGlobal:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.warnings:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.ess.status:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.checkedAt:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_function_serves_the_document_anonymously_with_the_callers_host()
    {
        var request = HttpCall.Get("/api/v1/openapi.json");

        var response = await new OpenApiFunction(Options.Create(new HttpApiOptions()), NullLogger<OpenApiFunction>.Instance).Run(request).ExecuteAsync(request);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        Assert.Equal("https://esuscheck.example.net/api", (string?)response.Json["servers"]![0]!["url"]);
        Assert.NotNull(response.Json["paths"]!["/v1/eligibility/{siret}"]);
    }

    [Fact]
    public async Task The_server_url_comes_from_configuration_and_a_document_built_from_the_host_is_never_shared()
    {
        var configured = HttpCall.Get("/api/v1/openapi.json");
        configured.Scheme = "http";
        configured.Host = new Microsoft.AspNetCore.Http.HostString("attaquant.example");
        var fromHost = HttpCall.Get("/api/v1/openapi.json");
        fromHost.Scheme = "http";

        var pinned = await new OpenApiFunction(Options.Create(new HttpApiOptions { PublicBaseUrl = "https://esuscheck.ville.fr/" }), NullLogger<OpenApiFunction>.Instance)
            .Run(configured).ExecuteAsync(configured);
        var guessed = await new OpenApiFunction(Options.Create(new HttpApiOptions()), NullLogger<OpenApiFunction>.Instance).Run(fromHost).ExecuteAsync(fromHost);

        Assert.Equal("https://esuscheck.ville.fr/api", (string?)pinned.Json["servers"]![0]!["url"]);
        Assert.Equal("public, max-age=3600", pinned.Header("Cache-Control"));
        // Without configuration: the caller's host, but always https (the platform ends TLS before the worker), and
        // a document that depends on a request header is for that caller only.
        Assert.StartsWith("https://", (string?)guessed.Json["servers"]![0]!["url"], StringComparison.Ordinal);
        Assert.Equal("private, max-age=3600", guessed.Header("Cache-Control"));
    }

    [Fact]
    public async Task An_unknown_format_answers_400_parameter_invalid()
    {
        var request = HttpCall.Get("/api/v1/openapi.json", "format=yaml");

        var response = await new OpenApiFunction(Options.Create(new HttpApiOptions()), NullLogger<OpenApiFunction>.Instance).Run(request).ExecuteAsync(request);

        Contract.AssertProblem(response, 400, ApiProblems.Codes.ParameterInvalid, ApiOperations.GetOpenApiDocument);
    }

    private static string[] EnumOf(string component, string property) =>
        OpenApiDocuments.Component(component).Properties[property].Enum.OfType<OpenApiString>().Select(e => e.Value).ToArray();
}
