namespace EsusCheck.Core.Application;

/// <summary>What role a registry plays in gathering facts.</summary>
public enum SourceRole
{
    /// <summary>Establishes identity (Recherche d'entreprises). Asked first.</summary>
    Identity,
    /// <summary>Establishes identity only when the identity source is unavailable (INSEE Sirene).</summary>
    IdentityFallback,
    /// <summary>Adds facts (Le Marché de l'inclusion, FINESS), asked concurrently with identity.</summary>
    Complement,
}
