namespace EsusCheck.Registries.Esus;

/// <summary>Why a file was not accepted as the ESUS list: a stable <see cref="Code"/> for programs and a French
/// <see cref="Message"/> for the person who gave the file. The list already loaded stays in place.</summary>
public sealed record EsusListRejection(string Code, string Message)
{
    public static class Codes
    {
        public const string NoSirenColumn = "esus_list_no_siren_column";
        public const string NoValidRows = "esus_list_no_valid_rows";
        public const string NotASpreadsheet = "esus_list_not_a_spreadsheet";
        public const string FileTooLarge = "esus_list_file_too_large";
        public const string ZipBomb = "esus_list_zip_bomb";
        public const string SourceNotConfigured = "esus_list_source_not_configured";
        public const string SourceNotFound = "esus_list_source_not_found";
        public const string SourceUnreachable = "esus_list_source_unreachable";
        public const string InsecureSource = "esus_list_source_insecure";
    }

    internal static EsusListRejection NoSirenColumn() => new(Codes.NoSirenColumn,
        "Le fichier ne contient pas de colonne « SIREN » : ce n'est pas la liste nationale des agréments ESUS " +
        "(les 30 premières lignes de chaque feuille ont été examinées).");

    internal static EsusListRejection NoValidRows(int skipped) => new(Codes.NoValidRows,
        skipped == 0
            ? "Le fichier a bien une colonne « SIREN », mais aucune ligne de données : la liste est vide."
            : $"Le fichier a bien une colonne « SIREN », mais aucune de ses {skipped} lignes ne porte un SIREN valide.");

    internal static EsusListRejection NotASpreadsheet(string what) => new(Codes.NotASpreadsheet,
        $"Le fichier n'est pas un classeur XLSX ni un fichier CSV : {what}.");

    internal static EsusListRejection FileTooLarge(long maxBytes) => new(Codes.FileTooLarge,
        $"Le fichier dépasse la taille maximale acceptée ({Megabytes(maxBytes)}) : la liste nationale des agréments ESUS " +
        "pèse normalement moins d'un mégaoctet.");

    internal static EsusListRejection ZipBomb(string why) => new(Codes.ZipBomb,
        $"Le classeur a été refusé avant lecture : {why}. Un classeur de cette sorte peut saturer le serveur (« bombe zip »).");

    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} Mo";
}

/// <summary>A row that was not taken into the list, with its spreadsheet row (or CSV line) number and the reason.</summary>
public sealed record EsusSkippedRow(int Row, string Code, string Reason, string? Value)
{
    public static class Codes
    {
        /// <summary>A fund or other « assimilé » listed without SIREN: not a company, nothing to look up.</summary>
        public const string AssimilatedWithoutSiren = "assimilated_without_siren";
        public const string SirenMissing = "siren_missing";
        // Otherwise the code of the IdentifierError (identifier_wrong_length, identifier_invalid_checksum, …).
    }
}
