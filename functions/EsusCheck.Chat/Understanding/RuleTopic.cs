using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;

namespace EsusCheck.Chat.Understanding;

public enum RuleTopicKind
{
    /// <summary>One reserved-contract article (L2113-12, -13, -13-1, -15).</summary>
    ReservedArticle,
    /// <summary>Reserved contracts in general: the four articles.</summary>
    ReservedContracts,
    /// <summary>L2113-14: combining reservations.</summary>
    Combination,
    /// <summary>L2113-16: duration and repetition limits of an L2113-15 contract.</summary>
    SocialServicesLimits,
    Esus,
    Ess,
    /// <summary>A kind of structure (EI, GEIQ, ESAT…).</summary>
    StructureKind,
    /// <summary>Whether a CPV code is among the L2113-15 services.</summary>
    Cpv,
}

/// <summary>What a buyer asks to have explained.</summary>
public sealed record RuleTopic(RuleTopicKind Kind, ReservedArticle? Article = null, InclusionKind? StructureKind = null, CpvCode? Cpv = null)
{
    public static RuleTopic For(ReservedArticle article) => new(RuleTopicKind.ReservedArticle, article);
}
