namespace EsusCheck.Bulk.Reading;

/// <summary>Why a whole file cannot be processed: a stable <see cref="Code"/> and a French <see cref="Message"/>.</summary>
public sealed record BulkFileError(string Code, string Message)
{
    public static class Codes
    {
        public const string Empty = "bulk_file_empty";
        public const string Unsupported = "bulk_file_unsupported";
        public const string XlsxUnreadable = "bulk_xlsx_unreadable";
        public const string XlsxTooLarge = "bulk_xlsx_too_large";
        public const string NoSiretColumn = "bulk_no_siret_column";
        public const string HeaderUnreadable = "bulk_header_unreadable";
        public const string TooManySuppliers = "bulk_too_many_suppliers";
        public const string TooManyRows = "bulk_too_many_rows";
        public const string FileTooLarge = "bulk_file_too_large";
    }

    public static BulkFileError Empty() =>
        new(Codes.Empty, "Le fichier est vide : il ne contient aucune ligne à vérifier.");
}

/// <summary>Thrown by the readers when a file cannot be read at all; carries the error the summary shows.</summary>
public sealed class BulkFileException(BulkFileError error) : Exception(error.Message)
{
    public BulkFileError Error { get; } = error;
}
