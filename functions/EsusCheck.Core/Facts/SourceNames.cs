namespace EsusCheck.Core.Facts;

/// <summary>Stable names of the sources that evidence, cache keys and audit rows refer to.</summary>
public static class SourceNames
{
    public const string RechercheEntreprises = "recherche-entreprises";
    public const string MarcheInclusion = "marche-inclusion";
    public const string Sirene = "insee-sirene";
    public const string Finess = "finess";
    public const string EsusList = "esus-list";
}

public static class SourceDisplayNames
{
    /// <summary>The name a French buyer reads for each source.</summary>
    public static string For(string source) => source switch
    {
        SourceNames.RechercheEntreprises => "l'API Recherche d'entreprises",
        SourceNames.MarcheInclusion => "Le Marché de l'inclusion",
        SourceNames.Sirene => "l'API Sirene de l'INSEE",
        SourceNames.Finess => "le répertoire FINESS",
        SourceNames.EsusList => "la liste nationale des agréments ESUS (DG Trésor)",
        _ => source,
    };
}
