namespace EsusCheck.Functions.Http;

/// <summary>Function names, which are also the OpenAPI operation ids (a connector's action names): published, stable.</summary>
public static class ApiOperations
{
    public const string CheckEligibility = "CheckEligibility";
    public const string CheckEligibilityBatch = "CheckEligibilityBatch";
    public const string GetEligibilityHistory = "GetEligibilityHistory";
    public const string GetReference = "GetReference";
    public const string Health = "Health";
    public const string GetOpenApiDocument = "GetOpenApiDocument";
    public const string Chat = "Chat";
    public const string Mcp = "Mcp";
    public const string TeamsWebhook = "TeamsWebhook";
    public const string UploadBulkFile = "UploadBulkFile";
    public const string GetBulkJob = "GetBulkJob";
    public const string GetBulkJobFile = "GetBulkJobFile";
    public const string UploadSpaserFile = "UploadSpaserFile";
    public const string GetSpaserJob = "GetSpaserJob";
}
