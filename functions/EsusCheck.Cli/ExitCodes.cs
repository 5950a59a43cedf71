using EsusCheck.Core.Application;

namespace EsusCheck.Cli;

/// <summary>What the process returns: scripts rely on these numbers, so they never change.</summary>
public static class ExitCodes
{
    /// <summary>A report was produced (whatever its verdicts), or the command did what it was asked.</summary>
    public const int Ok = 0;
    /// <summary>An unexpected error (a bug, a disk that refuses to write).</summary>
    public const int Unexpected = 1;
    /// <summary>Invalid input: bad SIRET or SIREN, bad CPV code, bad arguments, a file refused as ESUS list.</summary>
    public const int InvalidInput = 2;
    /// <summary>The registries answered and none knows the number.</summary>
    public const int Unknown = 3;
    /// <summary>The registries (or the configured ESUS list URL) could not be reached.</summary>
    public const int Unavailable = 4;

    public static int For(CheckFailureKind kind) => kind switch
    {
        CheckFailureKind.InvalidInput => InvalidInput,
        CheckFailureKind.Unknown => Unknown,
        CheckFailureKind.RegistriesUnavailable => Unavailable,
        _ => Unexpected,
    };
}
