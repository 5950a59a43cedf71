namespace EsusCheck.Chat.Understanding;

/// <summary>What a message asks. The stable snake_case names (<see cref="IntentNames"/>) travel in the chat response.</summary>
public enum Intent
{
    /// <summary>A company number with no precise question: the whole picture.</summary>
    CheckCompany,
    /// <summary>« est-elle agréée ESUS ? »</summary>
    EsusQuestion,
    /// <summary>« est-ce une entreprise de l'ESS ? »</summary>
    EssQuestion,
    /// <summary>« peut-on lui réserver un marché ? », « et pour un marché de services sociaux ? »</summary>
    ReservedContractQuestion,
    /// <summary>« c'est quoi un marché réservé L2113-13 ? »</summary>
    ExplainRule,
    Help,
    Greeting,
    Thanks,
    /// <summary>Anything else: the reply says what the bot can do.</summary>
    OffTopic,
}

public static class IntentNames
{
    public static string Of(Intent intent) => intent switch
    {
        Intent.CheckCompany => "check_company",
        Intent.EsusQuestion => "esus_question",
        Intent.EssQuestion => "ess_question",
        Intent.ReservedContractQuestion => "reserved_contract_question",
        Intent.ExplainRule => "explain_rule",
        Intent.Help => "help",
        Intent.Greeting => "greeting",
        Intent.Thanks => "thanks",
        _ => "off_topic",
    };

    public static Intent? Parse(string? name) =>
        Enum.GetValues<Intent>().Cast<Intent?>().FirstOrDefault(i => Of(i!.Value) == name);
}
