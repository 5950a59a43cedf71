namespace EsusCheck.Testing.Registries;

/// <summary>Valid (Luhn) SIRETs, unique within a test run, so that tests sharing a stub never collide.</summary>
public static class TestSirets
{
    private static int _next = 12_345_600;

    /// <summary>A new head-office-like SIRET (NIC 0001x) whose SIREN and SIRET keys are valid.</summary>
    public static string Next()
    {
        var body = Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var siren = body + CheckDigit(body);
        var nicStem = siren + "0001";
        return nicStem + CheckDigit(nicStem);
    }

    /// <summary>Another valid SIRET of the same SIREN (NIC 0002x).</summary>
    public static string OtherEstablishment(string siret)
    {
        var stem = siret[..9] + "0002";
        return stem + CheckDigit(stem);
    }

    /// <summary>The digit that makes <paramref name="stem"/> + digit pass Luhn.</summary>
    private static char CheckDigit(string stem)
    {
        for (var d = 0; d <= 9; d++)
            if (Luhn(stem + d)) return (char)('0' + d);
        throw new InvalidOperationException("unreachable");
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
