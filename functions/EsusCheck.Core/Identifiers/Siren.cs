using System.Text.Json.Serialization;

namespace EsusCheck.Core.Identifiers;

/// <summary>A 9-digit SIREN (legal unit). Built only by <see cref="IdentifierParser"/>: the format is always valid,
/// the key may not be (see <see cref="HasValidKey"/>), because real numbers exist that fail Luhn.</summary>
[JsonConverter(typeof(IdentifierJsonConverter.ForSiren))]
public readonly record struct Siren
{
    public const string LaPoste = "356000000";

    internal Siren(string value) => Value = value;

    public string Value { get; }

    public bool HasValidKey => Luhn.IsValid(Value);

    public bool IsLaPoste => Value == LaPoste;

    /// <summary>The usual French grouping, e.g. « 418 166 096 ».</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public override string ToString() => Value;
}
