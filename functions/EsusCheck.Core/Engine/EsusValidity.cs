using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

internal enum EsusValidityState
{
    /// <summary>Valid today (or the list gives no date at all: the row is on a published list).</summary>
    Current,
    /// <summary>The end date, stated or computed, has passed.</summary>
    Expired,
    /// <summary>No end date, no creation date: the 2-year term of a young company may have passed.</summary>
    Uncertain,
}

/// <summary>Whether a row of the ESUS list is a current agrément (law.md §3): the list's end date, or one computed from
/// the agrément date and the company's creation date (<see cref="EsusListRules"/>).</summary>
internal sealed record EsusValidity(EsusListEntry Entry, EsusValidityState State, DateOnly? LastDay, string? ComputedHow)
{
    public static EsusValidity? Of(CompanyFacts facts, DateOnly today)
    {
        if (facts.Esus.Entry is not { } entry) return null;
        if (entry.ExpiresOn is { } stated) return new(entry, stated < today ? EsusValidityState.Expired : EsusValidityState.Current, stated, null);
        if (entry.AccreditedOn is not { } from) return new(entry, EsusValidityState.Current, null, null);

        if (facts.Identity?.CreatedOn is { } created)
        {
            var years = EsusListRules.YearsFor(from, created);
            var last = EsusListRules.LastDay(from, years);
            var how = years == EsusListRules.AccreditationYears
                ? $"{years} ans à compter de l'agrément, la liste n'indiquant pas de date de fin"
                : $"{years} ans à compter de l'agrément, l'entreprise ayant été créée le {FrenchText.Date(created)}, moins de " +
                  $"{EsusListRules.YoungCompanyYears} ans avant lui ; la liste n'indique pas de date de fin";
            return new(entry, last < today ? EsusValidityState.Expired : EsusValidityState.Current, last, how);
        }

        var longest = EsusListRules.LastDay(from, EsusListRules.AccreditationYears);
        var shortest = EsusListRules.LastDay(from, EsusListRules.YoungCompanyAccreditationYears);
        var state = longest < today ? EsusValidityState.Expired : shortest < today ? EsusValidityState.Uncertain : EsusValidityState.Current;
        return new(entry, state, longest,
            $"{EsusListRules.AccreditationYears} ans à compter de l'agrément ; la liste n'indique pas de date de fin et la date " +
            $"de création de l'entreprise n'est pas connue : si elle a été créée moins de {EsusListRules.YoungCompanyYears} ans " +
            $"avant l'agrément, celui-ci n'a valu que {EsusListRules.YoungCompanyAccreditationYears} ans, jusqu'au {FrenchText.Date(shortest)}");
    }

    /// <summary>A current row of a company (not an « assimilé ») proves ESS membership (L3332-17-1 I).</summary>
    public bool ProvesEss => State == EsusValidityState.Current && !Entry.Assimilated;
}
