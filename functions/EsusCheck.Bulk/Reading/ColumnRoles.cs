namespace EsusCheck.Bulk.Reading;

/// <summary>Which column holds what. <see cref="Identifier"/> holds SIRETs (or SIRENs, checked as their head
/// office); the others are optional.</summary>
public sealed record ColumnRoles(int Identifier, int? Spend, int? Cpv, int? Name)
{
    /// <summary>True when the identifier column is headed SIREN rather than SIRET.</summary>
    public bool IdentifierIsSiren { get; init; }

    /// <summary>French amounts (« 1 234,56 ») rather than English ones (« 1,234.56 ») when a value is ambiguous.</summary>
    public bool DecimalComma { get; init; } = true;
}
