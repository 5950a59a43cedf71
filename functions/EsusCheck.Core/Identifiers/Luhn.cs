namespace EsusCheck.Core.Identifiers;

internal static class Luhn
{
    /// <summary>From the right, double every second digit (minus 9 when over 9); valid when the sum is a multiple of 10.</summary>
    public static bool IsValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public static int DigitSum(string digits) => digits.Sum(c => c - '0');
}
