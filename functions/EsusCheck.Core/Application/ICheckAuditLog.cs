using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Application;

/// <summary>Appends one row per check so that a buyer can show later what the tool said on a given day.</summary>
public interface ICheckAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
    Task<IReadOnlyList<AuditEntry>> ListAsync(Siret siret, int max, CancellationToken cancellationToken);
}
