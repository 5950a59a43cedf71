using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EsusCheck.Testing.Registries;

/// <summary>The four public registries this checker reads.</summary>
public enum Registry { RechercheEntreprises, MarcheInclusion, Sirene, Finess }

/// <summary>One WireMock.Net server playing Recherche d'entreprises, Le Marché de l'inclusion, INSEE Sirene and FINESS
/// (data.gouv tabular API) with their real response shapes (registries.md). Point the clients at it with
/// <see cref="RegistryTestServices"/>.
/// <para>Out of the box every registry answers « unknown » in its own way (Recherche 200 with no result, Marché 200 [],
/// INSEE 404, FINESS empty page), and Le Marché / INSEE answer 401 without the right <see cref="MarcheToken"/> /
/// <see cref="SireneApiKey"/>. Stage methods override that per SIRET; the last staged for a SIRET wins.</para></summary>
public sealed class RegistryStubs : IDisposable
{
    /// <summary>The only Bearer token the stubbed Marché accepts (64 alphanumerics, as the real one).</summary>
    public const string MarcheToken = "MarcheToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR";
    /// <summary>The only INSEE key the stubbed Sirene accepts.</summary>
    public const string SireneApiKey = "insee-key-5f0c2a9e-7d41-4b8e-9a3c-2e6b1d0f8a77";
    /// <summary>The path under which the stub serves INSEE Sirene, as the real base URL has one.</summary>
    public const string SirenePath = "/api-sirene/3.11";
    public const string FinessResource = "935e1dc5-afce-4d45-9fda-47b18f7444e6";

    private const int DefaultPriority = 1000;
    private const int AuthPriority = 1100; // weaker than the defaults, which require the right secret
    private int _priority = 800;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StubCompany> _sireneBatch = new();

    public RegistryStubs()
    {
        Server = WireMockServer.Start();
        StageDefaults();
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url!;
    public string RechercheEntreprisesBaseUrl => BaseUrl + "/";
    public string MarcheInclusionBaseUrl => BaseUrl + "/";
    public string SireneBaseUrl => BaseUrl + SirenePath + "/";
    public string FinessBaseUrl => BaseUrl + "/";

    // ---- Whole company, every registry -------------------------------------------------------------------------

    /// <summary>Recherche d'entreprises and INSEE know the establishment as <paramref name="company"/> says; Le Marché
    /// and FINESS keep answering « unknown » unless staged too.</summary>
    public RegistryStubs CompanyFound(string siret, StubCompany? company = null) =>
        RechercheFound(siret, company).SireneFound(siret, company);

    // ---- Recherche d'entreprises ------------------------------------------------------------------------------

    /// <summary><c>GET /search?q=siret</c> → one result with that SIRET in <c>matching_etablissements</c>; also answers
    /// <c>q=siren</c> (head office lookup) with the same unit and an empty <c>matching_etablissements</c>.</summary>
    public RegistryStubs RechercheFound(string siret, StubCompany? company = null)
    {
        company ??= StubCompany.Default;
        Stage(Registry.RechercheEntreprises, siret, Json(200, RegistryShapes.RechercheResult(siret, company)));
        return StageRechercheSiren(siret[..9], Json(200, RegistryShapes.RechercheResult(company.HeadOfficeOf(siret), company, bySiren: true)));
    }

    /// <summary>200 with no result: the number is unknown.</summary>
    public RegistryStubs RechercheUnknown(string siret) =>
        Stage(Registry.RechercheEntreprises, siret, Json(200, RegistryShapes.RechercheEmpty()));

    /// <summary>A result whose matching establishment is another SIRET of the same company (the checker must not take it).</summary>
    public RegistryStubs RechercheOtherEstablishment(string siret, string otherSiret, StubCompany? company = null) =>
        Stage(Registry.RechercheEntreprises, siret, Json(200, RegistryShapes.RechercheResult(otherSiret, (company ?? StubCompany.Default) with
        {
            IsHeadOffice = false,
            HeadOfficeSiret = otherSiret[..9] + "00099",
        })));

    /// <summary>A SIREN query (<c>q=siren</c>) that knows no company.</summary>
    public RegistryStubs RechercheSirenUnknown(string siren) => StageRechercheSiren(siren, Json(200, RegistryShapes.RechercheEmpty()));

    /// <summary>A SIREN query that fails (e.g. 503), for head-office resolution.</summary>
    public RegistryStubs RechercheSirenFails(string siren, int status) =>
        StageRechercheSiren(siren, Json(status, RegistryShapes.RechercheError("Erreur interne")));

    // ---- Le Marché de l'inclusion -----------------------------------------------------------------------------

    /// <summary><c>GET /api/siae/siret/{siret}/</c> → the list of structures, each (kind, is_active).</summary>
    public RegistryStubs MarcheFound(string siret, params (string Kind, bool IsActive)[] structures)
    {
        var list = new JsonArray();
        var id = 1851;
        foreach (var (kind, active) in structures) list.Add(RegistryShapes.MarcheStructure(siret, kind, active, id++));
        return Stage(Registry.MarcheInclusion, siret, Json(200, list.ToJsonString()));
    }

    /// <summary>200 [] — what the real Marché answers for a SIRET it does not know.</summary>
    public RegistryStubs MarcheUnknown(string siret) => Stage(Registry.MarcheInclusion, siret, Json(200, "[]"));

    /// <summary>401 even with the right token (a revoked token).</summary>
    public RegistryStubs MarcheUnauthorized(string siret) => Stage(Registry.MarcheInclusion, siret, MarcheUnauthorizedResponse());

    // ---- INSEE Sirene -----------------------------------------------------------------------------------------

    /// <summary><c>GET /siret/{siret}</c> → <c>etablissement</c>, or <c>etablissements[]</c> with <paramref name="asList"/>.</summary>
    public RegistryStubs SireneFound(string siret, StubCompany? company = null, bool asList = false) =>
        Stage(Registry.Sirene, siret, Json(200, RegistryShapes.SireneEstablishment(siret, company ?? StubCompany.Default, asList)));

    /// <summary>404 with INSEE's header body: the SIRET is unknown.</summary>
    /// <summary>Makes the multi-SIRET search (<c>POST /siret</c>) know <paramref name="siret"/>; single lookups are
    /// staged apart (<see cref="SireneFound"/>), so a test can give both paths the same company.</summary>
    public RegistryStubs SireneBatchFound(string siret, StubCompany? company = null)
    {
        _sireneBatch[siret] = company ?? StubCompany.Default;
        return this;
    }

    /// <summary>Over this many SIRETs in one search, the stub answers 414 « Requête trop longue », as INSEE does.</summary>
    public int SireneBatchLimit { get; set; } = int.MaxValue;

    /// <summary>The SIRETs of each multi-SIRET search received, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SireneBatches => Server.LogEntries
        .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == SirenePath + "/siret")
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => (IReadOnlyList<string>)BatchSirets(e.RequestMessage.Body)).ToList();

    public RegistryStubs SireneUnknown(string siret) => Stage(Registry.Sirene, siret, Json(404, RegistryShapes.SireneNotFound(siret)));

    // ---- FINESS -----------------------------------------------------------------------------------------------

    /// <summary>The tabular API's rows for the SIRET, each (categetab, libcategetab), e.g. ("246", "E.S.A.T.").</summary>
    public RegistryStubs FinessFound(string siret, params (string Category, string Label)[] rows)
    {
        var data = new JsonArray();
        var n = 0;
        foreach (var (category, label) in rows) data.Add(RegistryShapes.FinessRow(siret, category, label, $"13078{++n:D4}"));
        return Stage(Registry.Finess, siret, Json(200, RegistryShapes.TabularPage(data)));
    }

    public RegistryStubs FinessUnknown(string siret) => Stage(Registry.Finess, siret, Json(200, RegistryShapes.TabularPage([])));

    // ---- Failures, any registry -------------------------------------------------------------------------------

    /// <summary>Always answers <paramref name="status"/> (429, 500, 503…), with <c>Retry-After</c> in seconds when given.</summary>
    public RegistryStubs Fails(Registry registry, string siret, int status, int? retryAfterSeconds = null) =>
        Stage(registry, siret, Error(registry, status, retryAfterSeconds));

    /// <summary>Answers <paramref name="status"/> <paramref name="times"/> times, then <paramref name="then"/> for good
    /// (e.g. <c>FailsThen(Registry.RechercheEntreprises, siret, 429, 1, retryAfterSeconds: 1)</c> then a staged success).
    /// Build <paramref name="then"/> with <see cref="Found(Registry, string, StubCompany?)"/>.</summary>
    public RegistryStubs FailsThen(Registry registry, string siret, int status, int times, IResponseBuilder then, int? retryAfterSeconds = null)
    {
        var responses = Enumerable.Repeat(Error(registry, status, retryAfterSeconds), times).Append(then).ToArray();
        return StageSequence(registry, siret, responses);
    }

    /// <summary>Answers found, after <paramref name="delay"/> (beyond the attempt timeout, a timeout).</summary>
    public RegistryStubs Delayed(Registry registry, string siret, TimeSpan delay, StubCompany? company = null) =>
        Stage(registry, siret, Found(registry, siret, company).WithDelay(delay));

    /// <summary>200 with a JSON body of <paramref name="bytes"/> bytes (a valid answer padded with a long string).</summary>
    public RegistryStubs Oversized(Registry registry, string siret, int bytes) =>
        Stage(registry, siret, Json(200, "{\"results\": [], \"padding\": \"" + new string('x', bytes) + "\"}"));

    /// <summary>200 with a body that is not the JSON expected.</summary>
    public RegistryStubs Malformed(Registry registry, string siret) =>
        Stage(registry, siret, Json(200, registry == Registry.MarcheInclusion ? "[{\"id\": 1, \"kind\": " : "{\"results\": [ {\"siren\": "));

    /// <summary>The « found » response of a registry, for <see cref="FailsThen"/>: Recherche/INSEE render
    /// <paramref name="company"/>; Le Marché lists one active EI; FINESS one ESAT row.</summary>
    public IResponseBuilder Found(Registry registry, string siret, StubCompany? company = null) => registry switch
    {
        Registry.RechercheEntreprises => Json(200, RegistryShapes.RechercheResult(siret, company ?? StubCompany.Default)),
        Registry.Sirene => Json(200, RegistryShapes.SireneEstablishment(siret, company ?? StubCompany.Default)),
        Registry.MarcheInclusion => Json(200, new JsonArray(RegistryShapes.MarcheStructure(siret, "EI", true)).ToJsonString()),
        _ => Json(200, RegistryShapes.TabularPage([RegistryShapes.FinessRow(siret, "246", "Etablissement et Service d'Aide par le Travail (E.S.A.T.)", "130780001")])),
    };

    // ---- What was asked ---------------------------------------------------------------------------------------

    /// <summary>How many requests reached <paramref name="registry"/> about <paramref name="number"/> (a SIRET, or a
    /// SIREN for Recherche head-office lookups); every registry when null.</summary>
    public int RequestCount(Registry registry, string? number = null) => Requests(registry, number).Count;

    /// <summary>Waits until <paramref name="count"/> requests about <paramref name="number"/> are in the log (WireMock
    /// logs a request once its response is sent, so a delayed response shows late), at most <paramref name="max"/>.</summary>
    public async Task<int> WaitForRequestsAsync(Registry registry, string? number, int count, TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        while (RequestCount(registry, number) < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        return RequestCount(registry, number);
    }

    /// <summary>When each request reached the registry (WireMock's own log timestamps), oldest first.</summary>
    public IReadOnlyList<DateTime> RequestTimes(Registry registry) =>
        Requests(registry, null).Select(e => e.RequestMessage.DateTime).Order().ToList();

    /// <summary>The requests that reached the registry, to check headers (User-Agent, Authorization…).</summary>
    public IReadOnlyList<WireMock.Logging.ILogEntry> Requests(Registry registry, string? number) => Server.LogEntries
        .Where(e => IsFor(registry, e.RequestMessage.Path, e.RequestMessage.Query, number))
        .ToList();

    public void Dispose() => Server.Stop();

    // ---- Staging ----------------------------------------------------------------------------------------------

    private RegistryStubs Stage(Registry registry, string siret, IResponseBuilder response)
    {
        Server.Given(RequestFor(registry, siret)).AtPriority(NextPriority()).RespondWith(response);
        return this;
    }

    private RegistryStubs StageRechercheSiren(string siren, IResponseBuilder response)
    {
        Server.Given(Request.Create().UsingGet().WithPath("/search").WithParam("q", siren)).AtPriority(NextPriority()).RespondWith(response);
        return this;
    }

    private RegistryStubs StageSequence(Registry registry, string siret, IResponseBuilder[] responses)
    {
        var scenario = $"{registry}-{siret}-{Guid.NewGuid():N}";
        var priority = NextPriority();
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(RequestFor(registry, siret)).AtPriority(priority).InScenario(scenario);
            if (i > 0) mapping = mapping.WhenStateIs(State(i));
            if (i < responses.Length - 1) mapping = mapping.WillSetStateTo(State(i + 1));
            mapping.RespondWith(responses[i]);
        }
        return this;

        static string State(int step) => "step" + step.ToString(CultureInfo.InvariantCulture);
    }

    // Later stages win: each gets a smaller (stronger) priority than the one before.
    private int NextPriority() => Interlocked.Decrement(ref _priority);

    private static IRequestBuilder RequestFor(Registry registry, string siret) => registry switch
    {
        Registry.RechercheEntreprises => Request.Create().UsingGet().WithPath("/search").WithParam("q", siret),
        Registry.MarcheInclusion => Request.Create().UsingGet().WithPath($"/api/siae/siret/{siret}/")
            .WithHeader("Authorization", "Bearer " + MarcheToken),
        Registry.Sirene => Request.Create().UsingGet().WithPath($"{SirenePath}/siret/{siret}")
            .WithHeader("X-INSEE-Api-Key-Integration", SireneApiKey),
        _ => Request.Create().UsingGet().WithPath($"/api/resources/{FinessResource}/data/").WithParam("siret__exact", siret),
    };

    private static bool IsFor(Registry registry, string path, IDictionary<string, WireMock.Types.WireMockList<string>>? query, string? number)
    {
        string? Query(string name) => query is not null && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
        return registry switch
        {
            Registry.RechercheEntreprises => path == "/search" && (number is null || Query("q") == number),
            Registry.MarcheInclusion => path.StartsWith("/api/siae/", StringComparison.Ordinal) && (number is null || path.Contains(number, StringComparison.Ordinal)),
            Registry.Sirene => path.StartsWith(SirenePath + "/", StringComparison.Ordinal) && (number is null || path.EndsWith(number, StringComparison.Ordinal)),
            _ => path.StartsWith("/api/resources/", StringComparison.Ordinal) && (number is null || Query("siret__exact") == number),
        };
    }

    private void StageDefaults()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/search")).AtPriority(DefaultPriority)
            .RespondWith(Json(200, RegistryShapes.RechercheEmpty()));

        Server.Given(Request.Create().UsingGet().WithPath(new WildcardMatcher("/api/siae/*")).WithHeader("Authorization", "Bearer " + MarcheToken))
            .AtPriority(DefaultPriority).RespondWith(Json(200, "[]"));
        Server.Given(Request.Create().UsingGet().WithPath(new WildcardMatcher("/api/siae/*"))).AtPriority(AuthPriority)
            .RespondWith(MarcheUnauthorizedResponse());

        Server.Given(Request.Create().UsingGet().WithPath(new WildcardMatcher(SirenePath + "/siret/*")).WithHeader("X-INSEE-Api-Key-Integration", SireneApiKey))
            .AtPriority(DefaultPriority).RespondWith(Json(404, RegistryShapes.SireneNotFound("")));
        Server.Given(Request.Create().UsingPost().WithPath(SirenePath + "/siret").WithHeader("X-INSEE-Api-Key-Integration", SireneApiKey))
            .AtPriority(DefaultPriority).RespondWith(Response.Create().WithCallback(request =>
            {
                var asked = BatchSirets(request.Body);
                if (asked.Count > SireneBatchLimit)
                    return Json414();
                var found = asked.Where(_sireneBatch.ContainsKey).Select(s => (s, _sireneBatch[s])).ToList();
                return found.Count == 0
                    ? new WireMock.ResponseMessage { StatusCode = 404, BodyData = JsonBody(RegistryShapes.SireneNotFound("")) , Headers = JsonHeaders() }
                    : new WireMock.ResponseMessage { StatusCode = 200, BodyData = JsonBody(RegistryShapes.SireneSearch(found)), Headers = JsonHeaders() };
            }));
        Server.Given(Request.Create().WithPath(new WildcardMatcher(SirenePath + "/*"))).AtPriority(AuthPriority)
            .RespondWith(Json(401, """{"fault":{"code":900901,"message":"Invalid Credentials","description":"Invalid Credentials. Make sure you have provided the correct security credentials"}}"""));

        Server.Given(Request.Create().UsingGet().WithPath($"/api/resources/{FinessResource}/data/")).AtPriority(DefaultPriority)
            .RespondWith(Json(200, RegistryShapes.TabularPage([])));
    }

    /// <summary>The SIRETs of a form-encoded <c>q=siret:(A OR B …)</c>.</summary>
    private static List<string> BatchSirets(string? form)
    {
        var q = (form ?? "").Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == "q")
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).FirstOrDefault() ?? "";
        var open = q.IndexOf('(', StringComparison.Ordinal);
        var close = q.LastIndexOf(')');
        return open < 0 || close < open ? [] : q[(open + 1)..close].Split(" OR ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static WireMock.ResponseMessage Json414() => new()
    {
        StatusCode = 414,
        BodyData = JsonBody("""{"header":{"statut":414,"message":"Requête trop longue"}}"""),
        Headers = JsonHeaders(),
    };

    private static WireMock.Util.BodyData JsonBody(string json) => new()
    {
        BodyAsString = json,
        DetectedBodyType = WireMock.Types.BodyType.String,
        Encoding = System.Text.Encoding.UTF8,
    };

    private static Dictionary<string, WireMock.Types.WireMockList<string>> JsonHeaders() =>
        new() { ["Content-Type"] = new WireMock.Types.WireMockList<string>("application/json; charset=utf-8") };

    private static IResponseBuilder MarcheUnauthorizedResponse() => Response.Create().WithStatusCode(401)
        .WithHeader("Content-Type", "application/json")
        .WithHeader("WWW-Authenticate", "Bearer realm=\"api\"")
        .WithBody("""{"detail":"Informations d'authentification non fournies."}""");

    private static IResponseBuilder Error(Registry registry, int status, int? retryAfterSeconds)
    {
        var body = registry switch
        {
            Registry.RechercheEntreprises => RegistryShapes.RechercheError(status == 429 ? "Trop de requêtes" : "Erreur interne"),
            Registry.Sirene => new JsonObject { ["header"] = new JsonObject { ["statut"] = status, ["message"] = "Erreur" } }.ToJsonString(),
            _ => new JsonObject { ["detail"] = $"Erreur {status}" }.ToJsonString(),
        };
        var response = Json(status, body);
        return retryAfterSeconds is { } seconds ? response.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture)) : response;
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
