namespace EsusCheck.Core.Rules;

/// <summary>When the DG Trésor ESUS list is due and when an accreditation lasts (law.md §3).</summary>
public static class EsusListRules
{
    /// <summary>The list is published by 1 February each year and updated by 1 July.</summary>
    public static readonly IReadOnlyList<(int Month, int Day)> DueDates = [(2, 1), (7, 1)];

    public const int AccreditationYears = 5;

    /// <summary>For a company created less than <see cref="YoungCompanyYears"/> years before the agrément.</summary>
    public const int YoungCompanyAccreditationYears = 2;

    public const int YoungCompanyYears = 3;

    /// <summary>How long an agrément granted on <paramref name="accreditedOn"/> lasts: 2 years for a company created
    /// less than 3 years before it, 5 years otherwise.</summary>
    public static int YearsFor(DateOnly accreditedOn, DateOnly createdOn) =>
        createdOn > accreditedOn.AddYears(-YoungCompanyYears) ? YoungCompanyAccreditationYears : AccreditationYears;

    /// <summary>The last day of an agrément lasting <paramref name="years"/> years (granted 2 May 2024 for 5 years: valid
    /// up to 1 May 2029).</summary>
    public static DateOnly LastDay(DateOnly accreditedOn, int years) => accreditedOn.AddYears(years).AddDays(-1);

    /// <summary>The first due date strictly after the list's publication: once it has passed, a newer list should exist.</summary>
    public static DateOnly NextDueDate(DateOnly publishedOn)
    {
        for (var year = publishedOn.Year; ; year++)
            foreach (var (month, day) in DueDates)
            {
                var due = new DateOnly(year, month, day);
                if (due > publishedOn) return due;
            }
    }

    public static bool IsStale(DateOnly publishedOn, DateOnly today) => today >= NextDueDate(publishedOn);
}
