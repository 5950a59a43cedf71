using EsusCheck.Core.Facts;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>A ceased company or a closed establishment cannot be awarded a reserved contract, whatever its kind.</summary>
internal static class ClosedOrCeased
{
    public static string? Reason(CompanyFacts facts)
    {
        var identity = facts.Identity;
        if (identity is null) return null;
        if (identity.CompanyState == CompanyState.Ceased)
            return "L'entreprise est cessée" + On(identity.CompanyClosedOn) + " au répertoire Sirene : elle ne peut pas être attributaire.";
        if (identity.EstablishmentState == EstablishmentState.Closed)
            return "Cet établissement est fermé" + On(identity.EstablishmentClosedOn) +
                   " au répertoire Sirene, bien que l'entreprise soit active : vérifiez le SIRET de l'établissement qui exécutera le marché.";
        return null;
    }

    private static string On(DateOnly? date) => date is { } d ? $" depuis le {FrenchText.Date(d)}" : "";
}
