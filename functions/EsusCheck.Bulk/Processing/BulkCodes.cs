namespace EsusCheck.Bulk.Processing;

/// <summary>Stable codes of the bulk feature (row reasons, job errors, HTTP problems). They never change once published.</summary>
public static class BulkCodes
{
    public const string RowTooLong = "bulk_row_too_long";
    public const string RowUnterminatedQuote = "bulk_row_unterminated_quote";
    public const string CheckFailed = "bulk_check_failed";
    public const string NotChecked = "bulk_row_not_checked";
    public const string ProcessingFailed = "bulk_processing_failed";
    public const string JobNotFound = "bulk_job_not_found";
    public const string JobIdInvalid = "bulk_job_id_invalid";
    public const string FileNotFound = "bulk_file_not_found";
}
