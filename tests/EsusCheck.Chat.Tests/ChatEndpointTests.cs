using System.Text;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Http;
using EsusCheck.Chat.Tests.Support;
using EsusCheck.Functions.Chat;
using EsusCheck.Testing.Registries;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Chat.Tests;

/// <summary><c>POST /api/v1/chat</c> through the Azure Function: the JSON contract and the French problem details.</summary>
public sealed class ChatEndpointTests : IDisposable
{
    private readonly ChatHarness _harness = new();

    private static async Task<(int Status, string ContentType, JsonNode? Body)> PostAsync(ChatHttpHandler handler, string body)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var response = new MemoryStream();
        context.Response.Body = response;

        var result = await new ChatFunction(handler, new EsusCheck.Functions.Http.ClientRateLimiter(Microsoft.Extensions.Options.Options.Create(new EsusCheck.Functions.Http.HttpApiOptions())), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatFunction>.Instance).Run(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var text = Encoding.UTF8.GetString(response.ToArray());
        return (context.Response.StatusCode, context.Response.ContentType ?? "", text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task A_message_gets_reply_reports_card_suggestions_and_conversation_id()
    {
        var (status, contentType, body) = await PostAsync(_harness.ChatHttp,
            """{ "message": "41816609600069 est-elle agréée ESUS ?", "conversationId": "abc" }""");

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        Assert.Equal("abc", body!["conversationId"]!.GetValue<string>());
        Assert.Equal("esus_question", body["intent"]!.GetValue<string>());
        Assert.Contains("**Agrément ESUS : agréée.**", body["reply"]!.GetValue<string>());
        var report = Assert.Single(body["reports"]!.AsArray())!;
        Assert.Equal("accredited", report["esus"]!["status"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["card"]!["type"]!.GetValue<string>());
        Assert.NotEmpty(body["suggestions"]!.AsArray());
        Assert.Empty(body["problems"]!.AsArray());
    }

    [Fact]
    public async Task A_number_that_cannot_be_checked_is_listed_as_a_problem()
    {
        var (status, _, body) = await PostAsync(_harness.ChatHttp, """{ "message": "4,18166E+13" }""");

        Assert.Equal(200, status);
        var problem = Assert.Single(body!["problems"]!.AsArray())!;
        Assert.Equal("identifier_excel_scientific_notation", problem["code"]!.GetValue<string>());
        Assert.Equal("4,18166E+13", problem["input"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("pas du json", "body_invalid_json")]
    [InlineData("""{ "conversationId": "abc" }""", "message_required")]
    [InlineData("""{ "message": "   " }""", "message_required")]
    [InlineData("null", "message_required")]
    public async Task A_bad_request_gets_french_problem_details(string requestBody, string code)
    {
        var (status, contentType, body) = await PostAsync(_harness.ChatHttp, requestBody);

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType);
        Assert.Equal(code, body!["code"]!.GetValue<string>());
        Assert.Equal("Requête invalide", body["title"]!.GetValue<string>());
        Assert.Equal(400, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_is_refused()
    {
        var (status, _, body) = await PostAsync(_harness.ChatHttp, $$"""{ "message": "{{new string('a', 2001)}}" }""");

        Assert.Equal(400, status);
        Assert.Equal("message_too_long", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_chat_answers_from_the_registries_as_they_really_answer()
    {
        using var stubs = new RegistryStubs();
        var siret = TestSirets.Next();
        stubs.RechercheFound(siret, new StubCompany { Name = "SCOP DES TISSERANDS", LegalForm = "5458" }).MarcheUnknown(siret);
        var services = RegistryTestServices.Create(stubs, marcheToken: true);
        services.AddChat(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var (status, _, body) = await PostAsync(provider.GetRequiredService<ChatHttpHandler>(),
            $$"""{ "message": "peut-on réserver à {{siret}} un marché de formation ?" }""");

        Assert.Equal(200, status);
        var reply = body!["reply"]!.GetValue<string>();
        Assert.Contains("SCOP DES TISSERANDS", reply);
        Assert.Contains("**Marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes (L2113-15) : à vérifier.**", reply);
        Assert.Contains("aucune liste nationale des agréments ESUS n'est chargée", reply);
        Assert.Equal("80511000", body["reports"]![0]!["cpv"]!.GetValue<string>());
        // Each condition left to the buyer is one bullet of the reply, said once, and is in the report of the answer.
        Assert.Contains("À confirmer par l'acheteur (L2113-15) :\n- Les statuts de l'opérateur", reply);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(reply, "Le marché dure au plus 3 ans"));
        var conditions = body["reports"]![0]!["reservedContracts"]!.AsArray().Single(c => (string?)c!["article"] == "L2113-15")!["conditions"]!.AsArray();
        Assert.Equal(["public_service_mission", "no_award_in_last_three_years", "duration_at_most_three_years"],
            conditions.Select(c => (string?)c!["code"]));
    }

    public void Dispose() => _harness.Dispose();
}
