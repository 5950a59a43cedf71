using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Wording;

/// <summary>A status as a buyer reads it, and the tone it is shown in.</summary>
public readonly record struct StatusWord(string Label, Tone Tone);

/// <summary>The French words a buyer reads for each verdict; the JSON enum strings (<c>not_eligible</c>…) never reach
/// a buyer. Two registers: <see cref="Of(EssStatus)"/> and the like answer a question in a reply or on the page;
/// <see cref="Short(EssStatus)"/> fills a terminal line or a spreadsheet cell under a heading that names the subject.</summary>
public static class VerdictWords
{
    public const string EssSubject = "Économie sociale et solidaire (ESS)";
    public const string EsusSubject = "Agrément ESUS";
    public const string ToVerify = "à vérifier";

    /// <summary>« oui », « non identifiée comme entreprise de l'ESS », « à établir ».</summary>
    public static StatusWord Of(EssStatus status) => status switch
    {
        EssStatus.Yes => new("oui", Tone.Good),
        EssStatus.No => new("non identifiée comme entreprise de l'ESS", Tone.Bad),
        EssStatus.Unknown => new("à établir", Tone.Warning),
        _ => throw Unmapped(status),
    };

    /// <summary>« agréée », « non agréée », « à vérifier ».</summary>
    public static StatusWord Of(EsusStatus status) => status switch
    {
        EsusStatus.Accredited => new("agréée", Tone.Good),
        EsusStatus.NotAccredited => new("non agréée", Tone.Bad),
        EsusStatus.Unknown => new(ToVerify, Tone.Warning),
        _ => throw Unmapped(status),
    };

    /// <summary>« éligible », « non éligible », « à vérifier ».</summary>
    public static StatusWord Of(ContractStatus status) => status switch
    {
        ContractStatus.Eligible => new("éligible", Tone.Good),
        ContractStatus.NotEligible => new("non éligible", Tone.Bad),
        ContractStatus.ToVerify => new(ToVerify, Tone.Warning),
        _ => throw Unmapped(status),
    };

    /// <summary>« oui », « non », « à vérifier »: ESS as a cell or a terminal heading.</summary>
    public static StatusWord Short(EssStatus status) => status switch
    {
        EssStatus.Yes => new("oui", Tone.Good),
        EssStatus.No => new("non", Tone.Bad),
        EssStatus.Unknown => new(ToVerify, Tone.Warning),
        _ => throw Unmapped(status),
    };

    /// <summary>« oui », « non », « à vérifier »: ESUS in the « Agrément ESUS » column.</summary>
    public static StatusWord Short(EsusStatus status) => status switch
    {
        EsusStatus.Accredited => new("oui", Tone.Good),
        EsusStatus.NotAccredited => new("non", Tone.Bad),
        EsusStatus.Unknown => new(ToVerify, Tone.Warning),
        _ => throw Unmapped(status),
    };

    private static ArgumentOutOfRangeException Unmapped<T>(T status) where T : struct, Enum =>
        new(nameof(status), status, $"No French word for {typeof(T).Name}.{status}.");
}
