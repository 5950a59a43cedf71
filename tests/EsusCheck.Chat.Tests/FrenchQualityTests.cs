using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EsusCheck.Chat.Tests.Support;

namespace EsusCheck.Chat.Tests;

/// <summary>What a buyer reads must be French: no raw enum values of the JSON contract, no C# enum names, no English
/// words, in the reply text, the card and the suggestions, for every message of the corpus and of the conversations.</summary>
public sealed partial class FrenchQualityTests : IDisposable
{
    private readonly ChatHarness _harness = new();

    private static readonly string[] Conversation =
    [
        "41816609600069", "et pour un marché de services sociaux ?", "est-elle agréée ESUS ?", "et pour du nettoyage ?", "merci",
    ];

    [Fact]
    public async Task No_reply_card_or_suggestion_shows_an_enum_value_or_an_english_word()
    {
        var offences = new List<string>();
        foreach (var message in ChatCorpus.Cases.Select(c => c.Message))
            Inspect(message, await _harness.AskAsync(message), offences);
        foreach (var message in Conversation)
            Inspect(message, await _harness.AskAsync(message, "qualite"), offences);

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void The_scanner_catches_what_it_is_meant_to_catch()
    {
        Assert.NotEmpty(Offences("Statut : not_eligible"));
        Assert.NotEmpty(Offences("Statut : ToVerify"));
        Assert.NotEmpty(Offences("The company is eligible"));
        Assert.NotEmpty(Offences("Marché L2113_13 : oui"));
        Assert.Empty(Offences("Marché réservé (L2113-13) : éligible ([art. L2113-13](https://www.legifrance.gouv.fr/search/code?query=L2113-13))"));
    }

    private static void Inspect(string message, ChatAnswer answer, List<string> offences)
    {
        var texts = new List<string> { answer.Reply };
        texts.AddRange(answer.Suggestions);
        texts.AddRange(CardTexts(answer.Card));
        foreach (var text in texts)
            offences.AddRange(Offences(text).Select(o => $"« {message} » → {o} in: {text[..Math.Min(text.Length, 120)]}"));
    }

    private static IEnumerable<string> CardTexts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(p => p.Key is "text" or "title" or "value").Select(p => p.Value?.GetValue<string>() ?? "")
            .Concat(obj.Where(p => p.Key is not ("text" or "title" or "value")).SelectMany(p => CardTexts(p.Value))),
        JsonArray array => array.SelectMany(CardTexts),
        _ => [],
    };

    private static IEnumerable<string> Offences(string text)
    {
        var withoutLinks = Url().Replace(text, " ");
        foreach (Match match in Forbidden().Matches(withoutLinks)) yield return match.Value;
    }

    [GeneratedRegex(@"https?://\S+?(?=\)|\s|$)")]
    private static partial Regex Url();

    // JSON enum strings, C# enum names, snake_case leaks, and English words a French buyer must never read.
    [GeneratedRegex(@"\b(not_eligible|to_verify|eligible|not_accredited|accredited|unknown|not_found|found|unavailable|not_configured|" +
                    @"NotEligible|ToVerify|Eligible|NotAccredited|Accredited|EsusQuestion|CheckCompany|L2113_\d+|[a-z]+_[a-z_]+|" +
                    @"the|and|is|are|of|with|company|companies|check|checked|error|report|reserved|contract|supplier|true|false|null|" +
                    @"yes|no|none|not|status|warning|invalid|legal|basis|reason|reasons|help)\b")]
    private static partial Regex Forbidden();

    public void Dispose() => _harness.Dispose();
}
