using System.Text.Json.Nodes;
using EsusCheck.Chat.Tests.Support;

namespace EsusCheck.Chat.Tests;

/// <summary>The card Teams and Copilot Studio render: schema 1.5, only elements of that schema, the verdicts of the
/// reply with their colours and Légifrance links.</summary>
public sealed class AdaptiveCardTests : IDisposable
{
    private static readonly HashSet<string> Schema15Types =
        ["AdaptiveCard", "Container", "TextBlock", "FactSet", "Action.OpenUrl"];

    private readonly ChatHarness _harness = new();

    [Theory]
    [InlineData("41816609600069 marché de crèche")]
    [InlineData("53374499100035 et 73282932000074")]
    [InlineData("c'est quoi un GEIQ ?")]
    [InlineData("aide")]
    [InlineData("4,18166E+13")]
    public async Task Every_card_is_a_valid_schema_1_5_card(string message)
    {
        var card = (await _harness.AskAsync(message)).Card;

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.NotEmpty(card["body"]!.AsArray());
        foreach (var type in Types(card)) Assert.Contains(type, Schema15Types);
        foreach (var action in card["actions"]!.AsArray())
            Assert.StartsWith("https://www.legifrance.gouv.fr/", action!["url"]!.GetValue<string>());
        Assert.True(card["actions"]!.AsArray().Count <= 5);
    }

    [Fact]
    public async Task The_card_carries_the_same_verdicts_as_the_reply()
    {
        var answer = await _harness.AskAsync("41816609600069 marché de crèche");
        var texts = Texts(answer.Card).ToList();

        Assert.Contains(texts, t => t == "Marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes (L2113-15) : à vérifier");
        Assert.Contains("\"color\":\"Warning\"", answer.Card.ToJsonString());
        Assert.Contains(texts, t => t.Contains("mission de service public", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "Agrément ESUS");
        Assert.Contains(texts, t => t == "agréée");
        Assert.Contains(texts, t => t.Contains("Services de garderie d'enfants", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Vous pouvez aussi demander", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Types(JsonNode? node) => node switch
    {
        JsonObject obj => (obj["type"] is JsonValue type ? [type.GetValue<string>()] : Array.Empty<string>())
            .Concat(obj.Where(p => p.Key != "type").SelectMany(p => Types(p.Value))),
        JsonArray array => array.SelectMany(Types),
        _ => [],
    };

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(p => p.Key is "text" or "title" or "value").Select(p => p.Value!.GetValue<string>())
            .Concat(obj.SelectMany(p => Texts(p.Value))),
        JsonArray array => array.SelectMany(Texts),
        _ => [],
    };

    public void Dispose() => _harness.Dispose();
}
