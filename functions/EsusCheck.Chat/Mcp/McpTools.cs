using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Replies;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Mcp;

/// <summary>The MCP tools: <c>check_supplier</c> (the same check as the API, with a French summary and the report as
/// structured content) and <c>explain_rule</c> (explanations from the rule tables). Input problems are tool results
/// with <c>isError: true</c>, so that the agent can correct itself; an unknown tool is a protocol error.</summary>
public sealed class McpTools(EligibilityService eligibility)
{
    public const string ClientId = "mcp";
    public const string CheckSupplier = "check_supplier";
    public const string ExplainRule = "explain_rule";

    public const string Instructions =
        "EsusCheck dit si un fournisseur français appartient à l'économie sociale et solidaire (ESS), s'il détient l'agrément " +
        "ESUS et s'il peut candidater aux marchés publics réservés (articles L2113-12, L2113-13, L2113-13-1 et L2113-15 du code " +
        "de la commande publique), à partir des registres publics. Utilisez check_supplier avec le SIRET (ou le SIREN pour le " +
        "siège) et, si l'objet du marché est connu, son code CPV ; utilisez explain_rule pour expliquer un article ou une notion. " +
        "Répondez à l'acheteur en français, en citant pour chaque verdict l'article et le lien Légifrance fournis, et en " +
        "reprenant ce qu'il faut vérifier lorsqu'un verdict est « à vérifier ».";

    private static readonly JsonObject ReadOnlyAnnotations = new()
    {
        ["readOnlyHint"] = true,
        ["destructiveHint"] = false,
        ["idempotentHint"] = true,
    };

    public JsonArray Definitions() =>
    [
        new JsonObject
        {
            ["name"] = CheckSupplier,
            ["title"] = "Vérifier un fournisseur (ESS, ESUS, marchés réservés)",
            ["description"] =
                "Vérifie un fournisseur à partir de son numéro SIRET (ou SIREN, qui désigne le siège) dans les registres publics " +
                "(Recherche d'entreprises, Le Marché de l'inclusion, FINESS, liste nationale des agréments ESUS) et renvoie, en " +
                "français, s'il appartient à l'ESS, s'il est agréé ESUS et s'il peut candidater à chaque type de marché réservé " +
                "(L2113-12, L2113-13, L2113-13-1, L2113-15), avec les raisons, l'article de loi et son lien Légifrance, et les " +
                "conditions qu'aucun registre ne montre et que l'acheteur doit encore confirmer. Le rapport complet est fourni en " +
                "contenu structuré (statuts : eligible, not_eligible, to_verify ; conditions : code et texte).",
            ["inputSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["siret"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = "Numéro SIRET de l'établissement (14 chiffres) ou SIREN de l'entreprise (9 chiffres, " +
                                          "pour son siège). Espaces et points acceptés, par exemple « 418 166 096 00069 ».",
                    },
                    ["cpv"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = "Facultatif : code CPV de l'objet du marché (8 chiffres, éventuellement suivis d'un tiret " +
                                          "et du chiffre de contrôle, par exemple « 85311000-2 »). Nécessaire pour juger un marché " +
                                          "réservé de services sociaux (article L2113-15).",
                    },
                },
                ["required"] = new JsonArray("siret"),
                ["additionalProperties"] = false,
            },
            ["annotations"] = Annotations("Vérifier un fournisseur", openWorld: true),
        },
        new JsonObject
        {
            ["name"] = ExplainRule,
            ["title"] = "Expliquer une règle des marchés réservés",
            ["description"] =
                "Explique en français une règle qu'applique EsusCheck, avec ses références Légifrance : un article (« L2113-12 », " +
                "« L2113-13 », « L2113-13-1 », « L2113-14 », « L2113-15 », « L2113-16 », « L3332-17-1 »), une notion (« ESUS », " +
                "« ESS », « marchés réservés », « SIAE »), un type de structure (« EI », « AI », « ACI », « ETTI », « EITI », « GEIQ », " +
                "« EA », « EATT », « ESAT », « SEP ») ou un code CPV (le marché peut-il être réservé aux entreprises de l'ESS ?).",
            ["inputSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["article"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = "L'article, la notion, le type de structure ou le code CPV à expliquer, par exemple " +
                                          "« L2113-13 », « ESUS », « GEIQ » ou « 85312110 ».",
                    },
                },
                ["required"] = new JsonArray("article"),
                ["additionalProperties"] = false,
            },
            ["annotations"] = Annotations("Expliquer une règle", openWorld: false),
        },
    ];

    public async Task<JsonObject> CallAsync(JsonObject? parameters, CancellationToken cancellationToken)
    {
        if (parameters?["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
            throw new JsonRpcException(JsonRpc.InvalidParams, "Paramètres invalides : « name » (le nom de l'outil) est obligatoire.");
        var arguments = parameters["arguments"];
        if (arguments is not null and not JsonObject)
            throw new JsonRpcException(JsonRpc.InvalidParams, "Paramètres invalides : « arguments » doit être un objet.");
        var args = arguments as JsonObject ?? [];

        return nameValue.GetValue<string>() switch
        {
            CheckSupplier => await CheckAsync(args, cancellationToken),
            ExplainRule => Explain(args),
            var other => throw new JsonRpcException(JsonRpc.InvalidParams,
                $"Outil inconnu : « {other} ». Outils disponibles : {CheckSupplier}, {ExplainRule}."),
        };
    }

    private async Task<JsonObject> CheckAsync(JsonObject args, CancellationToken cancellationToken)
    {
        if (Text(args, "siret") is not { Length: > 0 } siret)
            return Failure("argument_missing", "Le paramètre « siret » est obligatoire : indiquez un numéro SIRET (14 chiffres) ou SIREN (9 chiffres).");
        var cpv = Text(args, "cpv");
        var outcome = await eligibility.CheckAsync(new CheckRequest(siret, string.IsNullOrWhiteSpace(cpv) ? null : cpv, ClientId: ClientId), cancellationToken);
        if (outcome.Failure is { } failure)
            return Failure(failure.Code, $"{failure.Title} : {failure.Detail}");

        var report = outcome.Report!;
        var intent = string.IsNullOrWhiteSpace(cpv) ? Intent.CheckCompany : Intent.ReservedContractQuestion;
        var summary = MarkdownRenderer.Render(new ReplyDocument([ReportDocument.Build(report, intent, null, intent == Intent.ReservedContractQuestion)]));
        var json = ReportJson.Serialize(report);
        return new JsonObject
        {
            ["content"] = new JsonArray(TextContent(summary), TextContent(json)),
            ["structuredContent"] = JsonNode.Parse(json),
            ["isError"] = false,
        };
    }

    private static JsonObject Explain(JsonObject args)
    {
        if (Text(args, "article") is not { Length: > 0 } asked)
            return Failure("argument_missing", "Le paramètre « article » est obligatoire, par exemple « L2113-13 » ou « ESUS ».");
        if (FindTopic(asked) is not { } topic)
            return Failure("topic_unknown",
                $"Je ne sais pas expliquer « {asked} ». Sujets possibles : L2113-12, L2113-13, L2113-13-1, L2113-14, L2113-15, " +
                "L2113-16, L3332-17-1, ESUS, ESS, marchés réservés, SIAE, EI, AI, ACI, ETTI, EITI, GEIQ, EA, EATT, ESAT, SEP, ou un code CPV.");

        var text = MarkdownRenderer.Render(RuleExplainer.Explain(topic));
        return new JsonObject
        {
            ["content"] = new JsonArray(TextContent(text)),
            ["structuredContent"] = new JsonObject
            {
                ["title"] = RuleExplainer.Title(topic),
                ["text"] = text,
                ["legalBasis"] = JsonSerializer.SerializeToNode(RuleExplainer.References(topic), ReportJson.Options),
            },
            ["isError"] = false,
        };
    }

    /// <summary>Agents send « GEIQ », « geiq », « L2113-13 », « 85312110 »: the chat's topic finder, tolerant of case.</summary>
    private static RuleTopic? FindTopic(string asked)
    {
        if (CpvCode.TryParse(asked, out var cpv, out _)) return new RuleTopic(RuleTopicKind.Cpv, Cpv: cpv);
        return TopicFinder.Find(asked, Phrases.ContentWords(asked)) ?? TopicFinder.Find(asked.ToUpperInvariant(), Phrases.ContentWords(asked));
    }

    private static string? Text(JsonObject args, string name) => args[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Trim(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static JsonObject Failure(string code, string message) => new()
    {
        ["content"] = new JsonArray(TextContent(message)),
        ["structuredContent"] = new JsonObject { ["code"] = code, ["message"] = message },
        ["isError"] = true,
    };

    private static JsonObject TextContent(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Annotations(string title, bool openWorld)
    {
        var annotations = (JsonObject)ReadOnlyAnnotations.DeepClone();
        annotations["title"] = title;
        annotations["openWorldHint"] = openWorld;
        return annotations;
    }
}
