using EsusCheck.Chat.Conversation;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Chat.Understanding;

/// <summary>The deterministic French understanding layer: numbers, service, rule and question type, with the
/// conversation's last companies and CPV code for follow-ups. No model, no external service.</summary>
public static class MessageInterpreter
{
    private static readonly Phrases ExplainCues = new("c'est quoi", "c quoi", "cest quoi", "qu'est ce que", "qu'est ce qu", "quest ce que",
        "qu'est ce", "explique", "expliquer", "expliquez", "explication", "explications", "definition", "definir", "signifie",
        "veut dire", "que dit", "que prevoit", "a quoi correspond", "a quoi sert", "rappelle", "rappeler", "rappel", "conditions",
        "comment obtenir", "en quoi consiste", "c'est quoi la difference", "difference entre", "kesako");
    private static readonly Phrases ReservedCues = new("reserver", "reserve", "reservee", "reserves", "reservees", "reservation",
        "candidater", "candidate", "candidature", "postuler", "soumissionner", "eligible", "eligibles", "eligibilite",
        "attribuer", "confier", "appel d'offres", "marche public", "marches publics");
    private static readonly Phrases HelpCues = new("aide", "help", "aidez moi", "aide moi", "que sais tu faire", "que peux tu faire",
        "tu sais faire quoi", "comment ca marche", "comment ca fonctionne", "comment t'utiliser", "mode d'emploi", "tu sers a quoi",
        "a quoi tu sers", "a quoi sers tu", "menu", "exemples", "exemple", "que faire", "qui es tu", "tu es qui");
    private static readonly Phrases GreetingCues = new("bonjour", "salut", "hello", "bonsoir", "coucou", "hey", "bjr", "slt");
    private static readonly Phrases RepeatCues = new("meme question", "meme chose", "idem", "pareil pour", "de meme pour");
    private static readonly Phrases ThanksCues = new("merci", "thanks", "parfait", "super", "genial", "top", "nickel", "ok merci");

    public static MessageUnderstanding Interpret(string message, ChatContext? context)
    {
        var numbers = NumberExtractor.Extract(message);
        var words = Phrases.ContentWords(message);
        var typedCpv = numbers.Cpvs.Count > 0 ? new ExtractedCpv(numbers.Cpvs[0], null, null) : CpvLexicon.Find(words);
        var article = TopicFinder.ReservedArticleIn(message);
        var topic = TopicFinder.Find(message, words);

        var asksExplanation = ExplainCues.AnyIn(words);
        var asksReserved = ReservedCues.AnyIn(words) || article is not null;
        var asksEsus = TopicFinder.MentionsEsus(words);
        var asksEss = TopicFinder.MentionsEss(words) && !asksEsus;
        var hasCompany = numbers.Identifiers.Count > 0;
        var hasContext = context is { Sirets.Count: > 0 };

        // A company question: a number typed, or a question that follows up on the conversation's company.
        var companyQuestion = hasCompany
            || (hasContext && !asksExplanation && (asksEsus || asksEss || asksReserved || typedCpv is not null || numbers.CpvErrors.Count > 0))
            || (!asksExplanation && (asksEsus || asksEss || asksReserved) && IsAboutACompany(words, pronouns: typedCpv is null));
        if (companyQuestion)
        {
            var intent = asksReserved || (typedCpv is not null && !asksEsus && !asksEss) ? Intent.ReservedContractQuestion
                : asksEsus ? Intent.EsusQuestion
                : asksEss ? Intent.EssQuestion
                : Intent.CheckCompany;
            // « même question pour … »: the previous question, asked of the company now named.
            var repeated = intent == Intent.CheckCompany && hasCompany && context?.Question is { } previous && RepeatCues.AnyIn(words)
                ? previous
                : (Intent?)null;
            intent = repeated ?? intent;
            var cpvFromContext = typedCpv is null && context?.Cpv is not null && CpvCode.TryParse(context.Cpv, out _, out _);
            return new MessageUnderstanding
            {
                Intent = intent,
                Identifiers = numbers.Identifiers,
                Cpv = typedCpv ?? (cpvFromContext ? FromContext(context!) : null),
                CpvFromContext = cpvFromContext,
                CpvErrors = numbers.CpvErrors,
                ContextSirets = hasCompany ? [] : context?.Sirets ?? [],
                Article = article ?? (repeated is not null ? context!.Article : null),
            };
        }

        // A service named with a general notion (« une crèche peut-elle être réservée à l'ESS ? ») asks about that service.
        if (typedCpv is not null && (topic is null || topic.Kind is RuleTopicKind.Ess or RuleTopicKind.ReservedContracts
                || topic.Article == Core.Reports.ReservedArticle.L2113_15))
            topic = new RuleTopic(RuleTopicKind.Cpv, Cpv: typedCpv.Code);
        if (topic is not null)
            return new MessageUnderstanding
            {
                Intent = Intent.ExplainRule,
                Topic = topic,
                Cpv = typedCpv,
                CpvErrors = numbers.CpvErrors,
                Article = article,
            };

        if (numbers.CpvErrors.Count > 0)
            return new MessageUnderstanding { Intent = Intent.ReservedContractQuestion, CpvErrors = numbers.CpvErrors };
        if (HelpCues.AnyIn(words) || message.Trim() == "?") return new MessageUnderstanding { Intent = Intent.Help };
        if (asksReserved)
            return IsAboutACompany(words, pronouns: true)
                ? new MessageUnderstanding { Intent = Intent.ReservedContractQuestion }
                : new MessageUnderstanding { Intent = Intent.ExplainRule, Topic = new RuleTopic(RuleTopicKind.ReservedContracts) };
        if (ThanksCues.AnyIn(words)) return new MessageUnderstanding { Intent = Intent.Thanks };
        if (GreetingCues.AnyIn(words) && words.Count <= 4) return new MessageUnderstanding { Intent = Intent.Greeting };
        return new MessageUnderstanding { Intent = Intent.OffTopic };
    }

    /// <summary>« est-elle agréée ESUS ? », « peut-on lui réserver… » without a number: a question about a company, not
    /// about a rule. With a service named, « elle » is the service (« une crèche peut-elle être réservée ? »).</summary>
    private static bool IsAboutACompany(IReadOnlyList<string> words, bool pronouns) =>
        words.Any(w => w is "lui" or "entreprise" or "societe" or "association" or "fournisseur" or "prestataire" or "titulaire"
                       || (pronouns && w is "elle" or "il"));

    private static ExtractedCpv FromContext(ChatContext context)
    {
        CpvCode.TryParse(context.Cpv, out var code, out _);
        return new ExtractedCpv(code, null, context.CpvLabel);
    }
}
