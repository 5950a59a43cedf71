using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Rules;

public enum CpvMatch
{
    /// <summary>The code is one of the listed codes, or inside the 85000000–85323000 range.</summary>
    Listed,
    /// <summary>The code is a subdivision of a listed code: likely covered, for the buyer to confirm.</summary>
    UnderListedCode,
    NotListed,
}

public sealed record SocialServiceCpv(string Code, string Label);

/// <summary>The social and other specific services that L2113-15 contracts may cover: the CPV codes of directive
/// 2014/24/EU art. 77 (law.md §4), including the whole 85000000–85323000 health and social work range.</summary>
public static class SocialServicesCpv
{
    public static readonly IReadOnlyList<SocialServiceCpv> Listed =
    [
        new("75121000-0", "Services administratifs de l'enseignement"),
        new("75122000-7", "Services administratifs des soins de santé"),
        new("75123000-4", "Services administratifs du logement"),
        new("79622000-0", "Services de mise à disposition de personnel d'aide ménagère"),
        new("79624000-4", "Services de mise à disposition de personnel infirmier"),
        new("79625000-1", "Services de mise à disposition de personnel médical"),
        new("80110000-8", "Services d'enseignement préscolaire"),
        new("80300000-7", "Services d'enseignement supérieur"),
        new("80420000-4", "Services d'enseignement en ligne"),
        new("80430000-7", "Services d'enseignement pour adultes au niveau universitaire"),
        new("80511000-9", "Services de formation du personnel"),
        new("80520000-5", "Installations de formation"),
        new("80590000-6", "Services de tutorat"),
        new("92500000-6", "Services de bibliothèques, archives, musées et autres services culturels"),
        new("92600000-7", "Services sportifs"),
        new("98133000-4", "Services prestés par les organisations sociales"),
        new("98133110-8", "Services prestés par les associations de jeunes"),
    ];

    public static readonly (string From, string To, string Label) HealthAndSocialRange =
        ("85000000", "85323000", "Services de santé et services sociaux (85000000-9 à 85323000-9)");

    public static CpvMatch Match(CpvCode cpv) => Match(cpv, out _);

    public static CpvMatch Match(CpvCode cpv, out string? label)
    {
        var digits = cpv.Digits;
        if (string.CompareOrdinal(digits, HealthAndSocialRange.From) >= 0 && string.CompareOrdinal(digits, HealthAndSocialRange.To) <= 0)
        {
            label = HealthAndSocialRange.Label;
            return CpvMatch.Listed;
        }
        if (Listed.FirstOrDefault(l => l.Code[..8] == digits) is { } exact)
        {
            label = exact.Label;
            return CpvMatch.Listed;
        }
        if (Listed.FirstOrDefault(l => digits.StartsWith(SignificantPrefix(l.Code[..8]), StringComparison.Ordinal)) is { } parent)
        {
            label = parent.Label;
            return CpvMatch.UnderListedCode;
        }
        label = null;
        return CpvMatch.NotListed;
    }

    /// <summary>A CPV code's trailing zeros mark its level in the tree: 92500000 covers 925xxxxx.</summary>
    private static string SignificantPrefix(string digits)
    {
        var prefix = digits.TrimEnd('0');
        return prefix.Length < 2 ? digits[..2] : prefix;
    }
}
