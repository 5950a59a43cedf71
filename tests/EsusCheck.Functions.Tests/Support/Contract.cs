namespace EsusCheck.Functions.Tests.Support;

/// <summary>Asserts that a response is what the OpenAPI document promises for its operation and status.</summary>
public static class Contract
{
    public static void AssertDocumented(HttpCall.Response response, string operationId)
    {
        var errors = SchemaValidator.Validate(response.Json, OpenApiDocuments.ResponseSchema(operationId, response.Status));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>An RFC 9457 problem with the stable code, a French title and detail, and nothing of the exception.</summary>
    public static void AssertProblem(HttpCall.Response response, int status, string code, string operationId)
    {
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        var json = response.Json;
        Assert.Equal(code, (string?)json["code"]);
        Assert.Equal(status, (int?)json["status"]);
        Assert.Equal("urn:esuscheck:problem:" + code, (string?)json["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)json["detail"]));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        AssertDocumented(response, operationId);
    }
}
