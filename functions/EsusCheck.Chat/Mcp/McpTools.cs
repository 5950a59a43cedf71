using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using EsusCheck.Chat.Replies;
using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace EsusCheck.Chat.Mcp;

/// <summary>The MCP tools, declared for the official SDK which derives their schemas: <c>check_supplier</c> (the same
/// check as the API, with a French summary and the report as structured content) and <c>explain_rule</c> (explanations
/// from the rule tables). Input problems are tool results with <c>isError: true</c>, so that the agent can correct
/// itself; an unknown tool is a protocol error (<see cref="McpToolCalls"/>).</summary>
[McpServerToolType]
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

    // A required argument left out arrives as null (McpToolCalls): the tool answers in French rather than the SDK.
    [McpServerTool(Name = CheckSupplier, Title = "Vérifier un fournisseur (ESS, ESUS, marchés réservés)",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description(
        "Vérifie un fournisseur à partir de son numéro SIRET (ou SIREN, qui désigne le siège) dans les registres publics " +
        "(Recherche d'entreprises, Le Marché de l'inclusion, FINESS, liste nationale des agréments ESUS) et renvoie, en " +
        "français, s'il appartient à l'ESS, s'il est agréé ESUS et s'il peut candidater à chaque type de marché réservé " +
        "(L2113-12, L2113-13, L2113-13-1, L2113-15), avec les raisons, l'article de loi et son lien Légifrance, et les " +
        "conditions qu'aucun registre ne montre et que l'acheteur doit encore confirmer. Le rapport complet est fourni en " +
        "contenu structuré (statuts : eligible, not_eligible, to_verify ; conditions : code et texte).")]
    public async Task<CallToolResult> CheckSupplierAsync(
        [Description("Numéro SIRET de l'établissement (14 chiffres) ou SIREN de l'entreprise (9 chiffres, " +
                     "pour son siège). Espaces et points acceptés, par exemple « 418 166 096 00069 ».")]
        string siret,
        [Description("Facultatif : code CPV de l'objet du marché (8 chiffres, éventuellement suivis d'un tiret " +
                     "et du chiffre de contrôle, par exemple « 85311000-2 »). Nécessaire pour juger un marché " +
                     "réservé de services sociaux (article L2113-15).")]
        string cpv = "",
        CancellationToken cancellationToken = default)
    {
        if (siret?.Trim() is not { Length: > 0 } number)
            return Failure("argument_missing", "Le paramètre « siret » est obligatoire : indiquez un numéro SIRET (14 chiffres) ou SIREN (9 chiffres).");
        cpv = cpv.Trim();
        var outcome = await eligibility.CheckAsync(new CheckRequest(number, string.IsNullOrWhiteSpace(cpv) ? null : cpv, ClientId: ClientId), cancellationToken);
        if (outcome.Failure is { } failure)
            return Failure(failure.Code, $"{failure.Title} : {failure.Detail}");

        var report = outcome.Report!;
        var intent = string.IsNullOrWhiteSpace(cpv) ? Intent.CheckCompany : Intent.ReservedContractQuestion;
        var summary = MarkdownRenderer.Render(new ReplyDocument([ReportDocument.Build(report, intent, null, intent == Intent.ReservedContractQuestion)]));
        var json = ReportJson.Serialize(report);
        return new CallToolResult
        {
            Content = [Text(summary), Text(json)],
            StructuredContent = JsonDocument.Parse(json).RootElement.Clone(),
            IsError = false,
        };
    }

    [McpServerTool(Name = ExplainRule, Title = "Expliquer une règle des marchés réservés",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description(
        "Explique en français une règle qu'applique EsusCheck, avec ses références Légifrance : un article (« L2113-12 », " +
        "« L2113-13 », « L2113-13-1 », « L2113-14 », « L2113-15 », « L2113-16 », « L3332-17-1 »), une notion (« ESUS », " +
        "« ESS », « marchés réservés », « SIAE »), un type de structure (« EI », « AI », « ACI », « ETTI », « EITI », « GEIQ », " +
        "« EA », « EATT », « ESAT », « SEP ») ou un code CPV (le marché peut-il être réservé aux entreprises de l'ESS ?).")]
    public static CallToolResult ExplainRuleTool(
        [Description("L'article, la notion, le type de structure ou le code CPV à expliquer, par exemple " +
                     "« L2113-13 », « ESUS », « GEIQ » ou « 85312110 ».")]
        string article)
    {
        if (article?.Trim() is not { Length: > 0 } asked)
            return Failure("argument_missing", "Le paramètre « article » est obligatoire, par exemple « L2113-13 » ou « ESUS ».");
        if (FindTopic(asked) is not { } topic)
            return Failure("topic_unknown",
                $"Je ne sais pas expliquer « {asked} ». Sujets possibles : L2113-12, L2113-13, L2113-13-1, L2113-14, L2113-15, " +
                "L2113-16, L3332-17-1, ESUS, ESS, marchés réservés, SIAE, EI, AI, ACI, ETTI, EITI, GEIQ, EA, EATT, ESAT, SEP, ou un code CPV.");

        var text = MarkdownRenderer.Render(RuleExplainer.Explain(topic));
        return new CallToolResult
        {
            Content = [Text(text)],
            StructuredContent = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["title"] = RuleExplainer.Title(topic),
                ["text"] = text,
                ["legalBasis"] = JsonSerializer.SerializeToNode(RuleExplainer.References(topic), ReportJson.Options),
            }),
            IsError = false,
        };
    }

    /// <summary>Agents send « GEIQ », « geiq », « L2113-13 », « 85312110 »: the chat's topic finder, tolerant of case.</summary>
    private static RuleTopic? FindTopic(string asked)
    {
        if (CpvCode.TryParse(asked, out var cpv, out _)) return new RuleTopic(RuleTopicKind.Cpv, Cpv: cpv);
        return TopicFinder.Find(asked, Phrases.ContentWords(asked)) ?? TopicFinder.Find(asked.ToUpperInvariant(), Phrases.ContentWords(asked));
    }

    private static CallToolResult Failure(string code, string message) => new()
    {
        Content = [Text(message)],
        StructuredContent = JsonSerializer.SerializeToElement(new JsonObject { ["code"] = code, ["message"] = message }),
        IsError = true,
    };

    private static TextContentBlock Text(string text) => new() { Text = text };
}
