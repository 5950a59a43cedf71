using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Functions.Tests;

/// <summary>The chat function (owned by the chat feature) answers what the OpenAPI document says it answers.</summary>
public sealed class ChatContractTests
{
    private static async Task<HttpCall.Response> Chat(ApiHarness api, string body)
    {
        var request = HttpCall.Request("POST", "/api/v1/chat", body: body);
        return await (await api.Function<ChatFunction>().Run(request, default)).ExecuteAsync(request);
    }

    [Fact]
    public async Task A_chat_answer_matches_the_documented_schema()
    {
        await using var api = new ApiHarness();
        var siret = TestSirets.Next();
        api.Stubs.RechercheFound(siret, new StubCompany { LegalForm = "9220", EstEss = true });

        var response = await Chat(api, $$"""{ "message": "{{siret}} est-elle agréée ESUS ?" }""");

        Assert.Equal(200, response.Status);
        Assert.Equal(siret, (string?)response.Json["reports"]![0]!["siret"]);
        Contract.AssertDocumented(response, ApiOperations.Chat);
    }

    [Fact]
    public async Task A_chat_problem_matches_the_documented_schema()
    {
        await using var api = new ApiHarness();

        var response = await Chat(api, """{ "message": "" }""");

        Assert.Equal(400, response.Status);
        Contract.AssertDocumented(response, ApiOperations.Chat);
    }
}
