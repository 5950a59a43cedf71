namespace EsusCheck.Core.Identifiers;

/// <summary>The outcome of parsing. <see cref="Value"/> is set whenever the format is right, even when the key is
/// wrong (<see cref="IdentifierError.Codes.InvalidChecksum"/>): the checker may then ask the registry whether the
/// number exists, as law.md §1 asks.</summary>
public sealed record ParsedIdentifier<T>(T? Value, IdentifierError? Error) where T : struct
{
    public bool IsValid => Error is null && Value is not null;

    public bool HasOnlyChecksumError => Value is not null && Error?.Code == IdentifierError.Codes.InvalidChecksum;
}
