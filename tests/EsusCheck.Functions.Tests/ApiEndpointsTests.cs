using System.Reflection;
using EsusCheck.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Tests;

/// <summary>The route table that <c>esuscheck serve</c> maps is the function app itself: one row per HTTP function,
/// with the function's own name, methods, route and authorization level.</summary>
public sealed class ApiEndpointsTests
{
    private static readonly List<(string Name, HttpTriggerAttribute Trigger, MethodInfo Method)> HttpFunctions =
        typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .Select(x => (x.Function!.Name, x.Trigger!, x.Method))
            .ToList();

    [Fact]
    public void Every_http_function_has_exactly_one_row_and_every_row_a_function()
    {
        Assert.Equal(HttpFunctions.Select(f => f.Name).Order(), ApiEndpoints.All.Select(e => e.Name).Order());
    }

    [Fact]
    public void Each_row_has_its_functions_methods_route_and_authorization_level()
    {
        foreach (var (name, trigger, _) in HttpFunctions)
        {
            var row = ApiEndpoints.All.Single(e => e.Name == name);
            Assert.Equal(trigger.Route, row.Route);
            Assert.Equal(trigger.Methods!.Select(m => m.ToUpperInvariant()).Order(), row.Methods.Order());
            Assert.Equal(trigger.AuthLevel == AuthorizationLevel.Anonymous, row.Anonymous);
            Assert.Equal("/" + trigger.Route, row.Path);
        }
    }

    /// <summary>Route values reach the function method under the names of its parameters, as the host binds them.</summary>
    [Fact]
    public void Every_route_parameter_is_a_parameter_of_the_function_method()
    {
        foreach (var (name, trigger, method) in HttpFunctions)
        {
            var routeValues = System.Text.RegularExpressions.Regex.Matches(trigger.Route!, "\\{([a-zA-Z]+)\\}").Select(m => m.Groups[1].Value);
            Assert.All(routeValues, value => Assert.Contains(value, method.GetParameters().Select(p => p.Name)));
        }
    }
}
