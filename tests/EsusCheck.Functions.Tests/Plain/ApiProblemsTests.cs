using System.Text.Json.Nodes;
using EsusCheck.Core.Application;
using EsusCheck.Functions.Http;

namespace EsusCheck.Functions.Tests.Plain;

/// <summary>Problem-details mapping as a plain class: status, code, French texts, Retry-After.</summary>
public sealed class ApiProblemsTests
{
    [Theory]
    [InlineData(CheckFailureKind.InvalidInput, 400)]
    [InlineData(CheckFailureKind.Unknown, 404)]
    [InlineData(CheckFailureKind.RegistriesUnavailable, 503)]
    public void Each_failure_kind_has_its_status(CheckFailureKind kind, int status) =>
        Assert.Equal(status, ApiProblems.From(new CheckFailure(kind, "code", "Titre", "Détail")).Status);

    [Theory]
    [InlineData(86_400)]
    [InlineData(1_000_000_000)]
    public void A_registrys_retry_after_is_passed_on_capped_so_that_no_registry_can_park_our_clients(int seconds)
    {
        var failure = new CheckFailure(CheckFailureKind.RegistriesUnavailable, CheckFailure.Codes.RegistriesUnavailable,
            "Registres indisponibles", "Les registres ne répondent pas.", TimeSpan.FromSeconds(seconds));

        var response = ApiResponse.Problem(ApiProblems.From(failure), "/api/v1/eligibility/1");

        Assert.Equal(ApiProblems.MaxRetryAfter.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Retry-After"]);
        Assert.Equal(300, ApiProblems.MaxRetryAfter.TotalSeconds);
    }

    [Fact]
    public void A_problem_response_is_rfc_9457_with_the_code_as_an_extension_and_retry_after()
    {
        var failure = new CheckFailure(CheckFailureKind.RegistriesUnavailable, CheckFailure.Codes.RegistriesUnavailable,
            "Registres indisponibles", "Les registres ne répondent pas.", TimeSpan.FromSeconds(7.2));

        var response = ApiResponse.Problem(ApiProblems.From(failure), "/api/v1/eligibility/1");

        Assert.Equal(503, response.Status);
        Assert.Equal(ApiResponse.ProblemJson, response.ContentType);
        Assert.Equal("8", response.Headers["Retry-After"]);
        var body = JsonNode.Parse(response.Content!)!.AsObject();
        Assert.Equal(["type", "title", "status", "detail", "instance", "code", "retryAfter"], body.Select(p => p.Key).ToArray());
        Assert.Equal("urn:esuscheck:problem:registries_unavailable", (string?)body["type"]);
        Assert.Equal("Registres indisponibles", (string?)body["title"]);
        Assert.Equal(8, (int?)body["retryAfter"]);
    }

    [Fact]
    public void A_problem_without_a_wait_has_no_retry_after()
    {
        var response = ApiResponse.Problem(ApiProblems.BodyInvalid("Le corps est vide."), null);

        Assert.False(response.Headers.ContainsKey("Retry-After"));
        var body = JsonNode.Parse(response.Content!)!.AsObject();
        Assert.False(body.ContainsKey("retryAfter"));
        Assert.False(body.ContainsKey("instance"));
    }

    [Fact]
    public void An_invalid_input_failure_never_carries_a_retry_after()
    {
        var failure = new CheckFailure(CheckFailureKind.InvalidInput, "cpv_invalid", "Saisie invalide", "…", TimeSpan.FromSeconds(30));

        Assert.Null(ApiProblems.From(failure).RetryAfter);
    }
}
