using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Engine;

internal static class CompanySectionMapping
{
    public static CompanySection From(CompanyIdentity? identity) => identity is null
        ? new CompanySection()
        : new CompanySection
        {
            Name = identity.Name,
            LegalForm = identity.LegalForm,
            Activity = identity.Activity,
            CompanyState = identity.CompanyState == CompanyState.Active ? "active" : "ceased",
            EstablishmentState = identity.EstablishmentState == EstablishmentState.Active ? "active" : "closed",
            HeadOffice = identity.IsHeadOffice,
            Address = identity.Address,
            Diffusion = identity.Diffusion == Diffusion.Public ? "public" : "partial",
            ClosedOn = identity.CompanyState == CompanyState.Ceased
                ? identity.CompanyClosedOn ?? identity.EstablishmentClosedOn
                : identity.EstablishmentState == EstablishmentState.Closed ? identity.EstablishmentClosedOn : null,
        };
}
