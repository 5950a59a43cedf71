using System.Globalization;
using System.Text;

namespace EsusCheck.Bulk.Reading;

/// <summary>Amounts as spreadsheets export them: « 1 234,56 », « 1 234,56 € » (with a space, a non-breaking or a
/// narrow non-breaking space as thousands separator), « 1.234,56 », « 1,234.56 », « -50,00 », « (50,00) ».
/// Only « 1,234 » and « 1.234 » are ambiguous; the file's language decides them.</summary>
public static class AmountParser
{
    /// <summary>A thousand billion euros: past any real spend, and low enough that no sum of rows can overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool TryParse(string? text, bool decimalComma, out decimal amount) =>
        Read(text, decimalComma, out amount) == AmountReading.Amount;

    /// <summary>Like <see cref="TryParse"/>, telling an amount out of range (past <see cref="MaxAmount"/>, or more
    /// digits than a decimal holds) from text that is not an amount.</summary>
    public static AmountReading Read(string? text, bool decimalComma, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return AmountReading.Unreadable;
        var builder = new StringBuilder(text.Length);
        var negative = false;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('(') && trimmed.EndsWith(')'))
        {
            negative = true;
            trimmed = trimmed[1..^1];
        }
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c) || c is ',' or '.') builder.Append(c);
            else if (c is '-' or '\u2212' && builder.Length == 0) negative = !negative;
            else if (c is '+' && builder.Length == 0) { }
            else if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\'' or '€' or '$' or '£') { }
            else if (char.IsLetter(c) && IsCurrencyWordLetter(trimmed)) { }
            else return AmountReading.Unreadable;
        }
        var number = builder.ToString();
        if (number.Length == 0 || !number.Any(char.IsAsciiDigit)) return AmountReading.Unreadable;

        var lastComma = number.LastIndexOf(',');
        var lastDot = number.LastIndexOf('.');
        string normalised;
        if (lastComma >= 0 && lastDot >= 0)
        {
            var decimalSeparator = lastComma > lastDot ? ',' : '.';
            var thousands = decimalSeparator == ',' ? '.' : ',';
            normalised = number.Replace(thousands.ToString(), "").Replace(decimalSeparator, '.');
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var separator = lastComma >= 0 ? ',' : '.';
            var occurrences = number.Count(c => c == separator);
            var digitsAfter = number.Length - number.LastIndexOf(separator) - 1;
            var isThousands = occurrences > 1 ||
                              (digitsAfter == 3 && number.IndexOf(separator) > 0 && (separator == ',') != decimalComma);
            normalised = isThousands ? number.Replace(separator.ToString(), "") : number.Replace(separator, '.');
        }
        else normalised = number;

        if (normalised.Split('.')[0].TrimStart('0').Length > 13) return AmountReading.OutOfRange;
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)) return AmountReading.Unreadable;
        if (amount > MaxAmount)
        {
            amount = 0;
            return AmountReading.OutOfRange;
        }
        if (negative) amount = -amount;
        return AmountReading.Amount;
    }

    private static bool IsCurrencyWordLetter(string text)
    {
        var letters = new string(text.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        return letters is "EUR" or "EUROS" or "EURO" or "HT" or "TTC" or "EURHT" or "EUROSHT" or "EURTTC" or "EUROSTTC";
    }
}

public enum AmountReading
{
    Amount,
    Unreadable,
    OutOfRange,
}
