using System.Security.Claims;
using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace EsusCheck.Functions.Tests.Plain;

public sealed class ClientIdentityTests
{
    private static HttpRequest Request(IDictionary<string, string> headers, ClaimsPrincipal? user = null)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers) context.Request.Headers[name] = value;
        if (user is not null) context.User = user;
        return context.Request;
    }

    [Fact]
    public void The_platform_signed_in_user_comes_first_when_app_service_authentication_is_declared()
    {
        var request = Request(new Dictionary<string, string>
        {
            [ClientIdentity.PrincipalNameHeader] = "acheteur@ville.fr",
            [ClientIdentity.ClientIdHeader] = "connecteur",
        });

        Assert.Equal("acheteur@ville.fr", ClientIdentity.From(request, appServiceAuthentication: true));
    }

    [Fact]
    public void Without_app_service_authentication_a_principal_header_is_anyones_and_is_ignored()
    {
        var request = Request(new Dictionary<string, string>
        {
            [ClientIdentity.PrincipalNameHeader] = "maire@ville.fr",
            [ClientIdentity.ClientIdHeader] = "connecteur",
        });

        Assert.Equal("connecteur", ClientIdentity.From(request, appServiceAuthentication: false));
        Assert.Null(ClientIdentity.From(Request(new Dictionary<string, string> { [ClientIdentity.PrincipalNameHeader] = "maire@ville.fr" }), false));
    }

    [Fact]
    public void The_callers_declared_client_id_comes_next_cleaned_and_bounded()
    {
        var request = Request(new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = "  connecteur\u0007-achats" + new string('x', 200) });

        var id = ClientIdentity.From(request, false)!;

        Assert.StartsWith("connecteur-achats", id);
        Assert.Equal(ClientIdentity.MaxLength, id.Length);
    }

    [Fact]
    public void Without_headers_the_function_key_name_is_used()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClientIdentity.KeyIdClaim, "mairie-lyon")]));

        Assert.Equal("key:mairie-lyon", ClientIdentity.From(Request(new Dictionary<string, string>(), user), false));
    }

    [Fact]
    public void An_anonymous_caller_has_no_client_id() =>
        Assert.Null(ClientIdentity.From(Request(new Dictionary<string, string> { [ClientIdentity.ClientIdHeader] = "   " }), false));
}
