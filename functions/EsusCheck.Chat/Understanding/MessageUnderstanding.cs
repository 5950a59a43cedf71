using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Understanding;

/// <summary>What the interpreter understood of one message, given the conversation so far.</summary>
public sealed record MessageUnderstanding
{
    public required Intent Intent { get; init; }

    /// <summary>Every SIREN/SIRET-like number typed, valid or not.</summary>
    public IReadOnlyList<ExtractedIdentifier> Identifiers { get; init; } = [];

    /// <summary>The purchase's CPV code: typed, understood from words, or kept from the conversation.</summary>
    public ExtractedCpv? Cpv { get; init; }

    /// <summary>True when <see cref="Cpv"/> comes from an earlier message.</summary>
    public bool CpvFromContext { get; init; }

    public IReadOnlyList<IdentifierError> CpvErrors { get; init; } = [];

    /// <summary>The SIRETs of earlier messages the question is about (« et pour un marché de services sociaux ? »).</summary>
    public IReadOnlyList<string> ContextSirets { get; init; } = [];

    /// <summary>The rule to explain (<see cref="Intent.ExplainRule"/>).</summary>
    public RuleTopic? Topic { get; init; }

    /// <summary>The reserved-contract article the question names, if any (« peut-elle avoir un marché L2113-13 ? »).</summary>
    public ReservedArticle? Article { get; init; }

    /// <summary>True when the question is about a company but none was named and none is in the conversation.</summary>
    public bool NeedsCompany => Intent is Intent.CheckCompany or Intent.EsusQuestion or Intent.EssQuestion or Intent.ReservedContractQuestion
                                && Identifiers.Count == 0 && ContextSirets.Count == 0;
}
