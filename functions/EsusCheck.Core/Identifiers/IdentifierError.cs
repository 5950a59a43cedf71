namespace EsusCheck.Core.Identifiers;

/// <summary>Why an input is not a usable identifier: a stable <see cref="Code"/> for programs and a French
/// <see cref="Message"/> for the person who typed or exported it.</summary>
public sealed record IdentifierError(string Code, string Message)
{
    public static class Codes
    {
        public const string Empty = "identifier_empty";
        public const string InvalidCharacters = "identifier_invalid_characters";
        public const string WrongLength = "identifier_wrong_length";
        public const string ExcelScientificNotation = "identifier_excel_scientific_notation";
        public const string ExcelDecimalSuffix = "identifier_excel_decimal_suffix";
        public const string LeadingZeroLost = "identifier_leading_zero_lost";
        public const string InvalidChecksum = "identifier_invalid_checksum";
    }
}
