using EsusCheck.Core.Facts;

namespace EsusCheck.Core.Wording;

public static class SourceDisplayNames
{
    /// <summary>The name a French buyer reads for each source, in the middle of a sentence.</summary>
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
