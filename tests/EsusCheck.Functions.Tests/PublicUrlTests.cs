using System.Reflection;
using System.Text.Json.Nodes;
using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Tests;

/// <summary>The URLs the Functions host serves are host.json's <c>routePrefix</c> and each trigger's route. Emptying the
/// prefix (so that the page answers at <c>/</c>) must leave every URL published before exactly where it was.</summary>
public sealed class PublicUrlTests
{
    private static readonly Dictionary<string, string> Published = new()
    {
        ["CheckEligibility"] = "/api/v1/eligibility/{siret}",
        ["CheckEligibilityBatch"] = "/api/v1/eligibility",
        ["GetEligibilityHistory"] = "/api/v1/eligibility/{siret}/history",
        ["GetReference"] = "/api/v1/reference",
        ["Health"] = "/api/v1/health",
        ["GetOpenApiDocument"] = "/api/v1/openapi.json",
        ["Chat"] = "/api/v1/chat",
        ["Mcp"] = "/api/v1/mcp",
        ["TeamsWebhook"] = "/api/v1/teams",
        ["UploadBulkFile"] = "/api/v1/bulk",
        ["GetBulkJob"] = "/api/v1/bulk/{jobId}",
        ["GetBulkJobFile"] = "/api/v1/bulk/{jobId}/files/{file}",
        ["UploadSpaserFile"] = "/api/v1/spaser",
        ["GetSpaserJob"] = "/api/v1/spaser/{jobId}",
        ["WebPageUnderApi"] = "/api/ui",
        ["WebPageAsset"] = "/api/ui/{version}/{file}",
    };

    private static readonly Dictionary<string, string> Served =
        typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .ToDictionary(x => x.Function!.Name, x => Url(RoutePrefix(), x.Trigger!.Route!));

    [Fact]
    public void Every_api_url_is_the_one_published_before()
    {
        Assert.Equal(Published.OrderBy(p => p.Key), Served.Where(s => s.Key != "WebPage").OrderBy(s => s.Key));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/x", false)]
    [InlineData("/api", false)]
    public void The_page_answers_at_the_root_only(string path, bool matches)
    {
        Assert.Equal(matches, Matches(Served["WebPage"], path));
    }

    [Fact]
    public void The_api_urls_do_not_match_the_page()
    {
        Assert.All(Published.Values, url => Assert.False(Matches(Served["WebPage"], url)));
    }

    /// <summary>A path matches a route as ASP.NET Core routing decides: the template, then its inline constraints.</summary>
    private static bool Matches(string route, string path)
    {
        var template = TemplateParser.Parse(route.TrimStart('/'));
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(template, new RouteValueDictionary()).TryMatch(path, values)) return false;
        var resolver = new DefaultInlineConstraintResolver(Options.Create(new RouteOptions()), new ServiceCollection().BuildServiceProvider());
        var constraints = new RouteConstraintBuilder(resolver, route);
        foreach (var parameter in template.Parameters)
        {
            foreach (var constraint in parameter.InlineConstraints) constraints.AddResolvedConstraint(parameter.Name!, constraint.Constraint);
            if (parameter.IsOptional) constraints.SetOptional(parameter.Name!);
        }
        return RouteConstraintMatcher.Match(constraints.Build(), values, new DefaultHttpContext(), new RouteCollection(),
            RouteDirection.IncomingRequest, NullLogger.Instance);
    }

    /// <summary>The host joins them as <c>/{prefix}/{route}</c>, an empty prefix adding no segment.</summary>
    private static string Url(string prefix, string route) => "/" + string.Join('/', new[] { prefix, route }.Where(s => s.Length > 0));

    private static string RoutePrefix()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EsusCheck.sln"))) directory = directory.Parent;
        var hostJson = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("EsusCheck.sln not found"),
            "functions", "EsusCheck.Functions", "host.json");
        return JsonNode.Parse(File.ReadAllText(hostJson))!["extensions"]!["http"]!["routePrefix"]!.GetValue<string>().Trim('/');
    }
}
