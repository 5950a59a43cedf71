using EsusCheck.Core.Rules;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;

namespace EsusCheck.Functions.Tests;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Health_answers_200_ok_with_the_rules_version_and_server_time()
    {
        await using var api = new ApiHarness();
        var request = HttpCall.Get("/api/v1/health");

        var response = await api.Function<HealthFunction>().Run(request).ExecuteAsync(request);

        Assert.Equal(200, response.Status);
        Assert.Equal("ok", (string?)response.Json["status"]);
        Assert.Equal(RulesVersion.Current, (string?)response.Json["rulesVersion"]);
        Assert.Equal(ApiHarness.Start, DateTimeOffset.Parse((string)response.Json["time"]!));
        Contract.AssertDocumented(response, ApiOperations.Health);
    }
}
