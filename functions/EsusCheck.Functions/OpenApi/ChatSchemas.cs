using EsusCheck.Chat.Understanding;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

// Written by hand: this is the contract a connector shows (French descriptions, x-ms-summary, patterns, documented enums,
// stricter than the records); OpenApiSchemaDerivationTests checks it against JsonSchemaExporter's schema of each record.
/// <summary>The bodies of <c>POST /v1/chat</c> (EsusCheck.Chat's <c>ChatRequest</c> and <c>ChatAnswer</c>); a test
/// checks a real answer against them.</summary>
internal static class ChatSchemas
{
    public const string Request = "ChatRequest";
    public const string Answer = "ChatAnswer";
    public const string Problem = "ChatProblem";

    public static void AddTo(IDictionary<string, OpenApiSchema> components)
    {
        components[Request] = Object("Un message en français, et l'identifiant de la conversation pour la suite.",
            Property("message", "Message", String(
                "La question, par exemple « 418 166 096 00069 est-elle agréée ESUS ? » (2 000 caractères au plus par défaut).")),
            Property("conversationId", "Conversation", String(
                "L'identifiant renvoyé par la réponse précédente (200 caractères au plus) ; absent pour une nouvelle conversation.")
                .Nullable())).Optional("conversationId");

        components[Answer] = Object("La réponse : le texte, les rapports sur lesquels il repose, une carte adaptative et des suggestions.",
            Property("conversationId", "Conversation", String("À renvoyer avec le message suivant.")),
            Property("intent", "Intention", Enum("Ce que le message demandait.", System.Enum.GetValues<Intent>().Select(IntentNames.Of).ToArray())),
            Property("reply", "Réponse", String("La réponse en français, en Markdown léger (gras, listes, liens).")),
            Property("reports", "Rapports", Array("Le rapport de chaque entreprise vérifiée.", Ref(ReportSchemas.Report))),
            Property("card", "Carte adaptative", FreeObject("La même réponse en carte adaptative (Adaptive Card 1.5).")),
            Property("suggestions", "Suggestions", Array("Questions de suivi que le service comprend.", String("Une question."))),
            Property("problems", "Problèmes", Array("Les numéros ou codes CPV qui n'ont pas pu être vérifiés.", Ref(Problem))));

        components[Problem] = Object("Un numéro ou un code CPV du message qui n'a pas pu être vérifié.",
            Property("input", "Saisie", String("Le numéro ou le code tel qu'écrit.")),
            Property("code", "Code d'erreur", String("Code stable, par exemple identifier_invalid_checksum ou siret_unknown.")),
            Property("message", "Explication", String("L'explication en français.")));
    }
}
