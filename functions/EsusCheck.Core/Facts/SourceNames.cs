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
