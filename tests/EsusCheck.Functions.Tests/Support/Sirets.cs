namespace EsusCheck.Functions.Tests.Support;

/// <summary>Distinct SIRETs whose Luhn key is right, for tests that need many.</summary>
public static class Sirets
{
    public static IEnumerable<string> Valid(int count)
    {
        for (var nic = 1; count > 0; nic++)
        {
            var body = "732829320" + nic.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            for (var key = 0; key <= 9; key++)
            {
                var candidate = body + key;
                if (!IsLuhnValid(candidate)) continue;
                count--;
                yield return candidate;
                break;
            }
        }
    }

    private static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1 && (digit *= 2) > 9) digit -= 9;
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
