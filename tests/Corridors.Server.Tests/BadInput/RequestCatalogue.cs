using System.Text;

namespace Corridors.BadInput;

/// <summary>
/// The bad requests: gRPC, JSON and gRPC-Web against one in-memory server (<see cref="RequestServer"/>). Status codes
/// are <c>Grpc.Core.StatusCode</c> values (3 INVALID_ARGUMENT, 5 NOT_FOUND, 6 ALREADY_EXISTS, 7 PERMISSION_DENIED,
/// 8 RESOURCE_EXHAUSTED, 9 FAILED_PRECONDITION, 10 ABORTED, 16 UNAUTHENTICATED) or HTTP statuses.
/// </summary>
public static class RequestCatalogue
{
    private const int InvalidArgument = 3, NotFound = 5, AlreadyExists = 6, PermissionDenied = 7, ResourceExhausted = 8,
        FailedPrecondition = 9, Aborted = 10, Unauthenticated = 16;

    private const string Rpc = Surfaces.Grpc, Web = Surfaces.GrpcWeb, Http = Surfaces.Json;

    private const string Compare = "corridors.v1.ComparisonService/CompareCorridors";
    private const string Routes = "corridors.v1.ComparisonService/FindRoutes";
    private const string Pareto = "corridors.v1.ComparisonService/FindParetoRoutes";
    private const string Matrix = "corridors.v1.ComparisonService/ComputeMatrix";
    private const string Metrics = "corridors.v1.MetricsService/GetCorridorMetrics";
    private const string Capacity = "corridors.v1.CapacityService/AnalyzeCapacity";
    private const string Watch = "corridors.v1.MetricsService/WatchCorridorMetrics";
    private const string Resolve = "corridors.v1.CatalogService/ResolvePlace";
    private const string GetCorridor = "corridors.v1.CatalogService/GetCorridor";
    private const string Create = "corridors.v1.ScenarioService/CreateScenario";
    private const string Update = "corridors.v1.ScenarioService/UpdateScenario";
    private const string Delete = "corridors.v1.ScenarioService/DeleteScenario";
    private const string Get = "corridors.v1.ScenarioService/GetScenario";

    /// <summary>The stored scenario the fixture creates (version 1) for the version and update cases.</summary>
    public const string StoredId = "catalogue-stored";

    /// <summary>A good scenario document (closes the Brest–Małaszewicze crossing).</summary>
    public const string GoodDocument = """{"name":"Brest closed","changes":[{"type":"close-link","link":"brest-malaszewicze"}]}""";

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    /// <summary>A comparison Xi'an → Duisburg on 2024-06-01 with <paramref name="constraints"/> added to its constraints.</summary>
    private static string CompareBody(string constraints = "", string extra = "", string origin = "xian", string destination = "duisburg") =>
        $$"""{"origin":{{Quote(origin)}},"destination":{{Quote(destination)}},"constraints":{"asOf":"2024-06-01"{{(constraints.Length > 0 ? "," + constraints : "")}}}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private static string CreateBody(string id, string document) => $$"""{"id":{{Quote(id)}},"definition":{{Quote(document)}}}""";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string Repeat(string item, int count) => string.Join(",", Enumerable.Repeat(item, count));

    private static string Pairs(int count) => Repeat("""{"origin":"xian","destination":"duisburg"}""", count);

    private static string Changes(string change, int count) => $$"""{"name":"many","changes":[{{Repeat(change, count)}}]}""";

    private static string Oversized()
    {
        var text = new StringBuilder("""{"name":"big","description":" """);
        text.Append('x', 300 * 1024).Append("\",\"changes\":[{\"type\":\"close-place\",\"place\":\"suez\"}]}");
        return text.ToString();
    }

    private static BadInputCase C(string name, string surface, string input, int expected, string message, Unchanged unchanged, Match match = Match.Exact) =>
        new(name, surface, input, expected, message, match, unchanged);

    private static List<BadInputCase> Build()
    {
        const Unchanged Read = Unchanged.GoodAnswer;
        const Unchanged Write = Unchanged.ScenarioList;
        string overlong = new('x', 201);
        return
        [
            // --- Places ---
            C("unknown-place", Rpc, $"{Compare} {CompareBody(origin: "Atlantis")}", NotFound, "origin: no place is called 'Atlantis'", Read),
            C("misspelt-place-suggests", Rpc, $"{Compare} {CompareBody(destination: "Duisberg")}", NotFound, "destination: no place is called 'Duisberg'; did you mean duisburg (Duisburg, DE)?", Read),
            C("ambiguous-place", Rpc, $"{Compare} {CompareBody(destination: "Rhine Port")}", NotFound, "destination: 'Rhine Port' is ambiguous: it matches duisburg (Duisburg, DE), rotterdam (Rotterdam, NL); use one of their ids", Read),
            C("empty-place", Rpc, $"{Compare} {CompareBody(origin: "")}", InvalidArgument, "origin: is required", Read),
            C("blank-place", Rpc, $"{Compare} {CompareBody(destination: "   ")}", InvalidArgument, "destination: is required", Read),
            C("overlong-place", Rpc, $"{Compare} {CompareBody(origin: overlong)}", InvalidArgument, "origin: is 201 characters long; at most 200 are accepted", Read),
            C("unknown-avoid-place", Rpc, $"{Compare} {CompareBody("\"avoidPlaces\":[\"atlantis\"]")}", NotFound, "constraints.avoid_places[0]: no place is called 'atlantis'", Read),
            C("resolve-empty-text", Rpc, $$"""{{Resolve}} {"text":""}""", InvalidArgument, "text: is required", Read),
            C("two-bad-places", Rpc, $"{Compare} {CompareBody(origin: "", destination: "Atlantis")}", InvalidArgument, "2 problems: origin: is required; destination: no place is called 'Atlantis'", Read),

            // --- As-of dates ---
            C("as-of-month-13", Rpc, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2024-13-01"}}""", InvalidArgument, "constraints.as_of: '2024-13-01' is not a date in YYYY-MM-DD form", Read),
            C("as-of-day-first", Rpc, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"01/06/2024"}}""", InvalidArgument, "constraints.as_of: '01/06/2024' is not a date in YYYY-MM-DD form", Read),
            C("as-of-february-30", Rpc, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2024-02-30"}}""", InvalidArgument, "constraints.as_of: '2024-02-30' is not a date in YYYY-MM-DD form", Read),
            C("as-of-before-2014", Rpc, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2013-12-31"}}""", InvalidArgument, "constraints.as_of: as-of date 2013-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01, the earliest date the data is collected for)", Read),
            C("as-of-after-2040", Rpc, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2041-01-01"}}""", InvalidArgument, "constraints.as_of: as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)", Read),
            C("routes-as-of-year-9999", Rpc, $$$"""{{{Routes}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"9999-12-31"}}""", InvalidArgument, "constraints.as_of: as-of date 9999-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)", Read),

            // --- Enums ---
            C("objective-unspecified", Rpc, $"{Compare} {CompareBody(extra: "\"objective\":\"OBJECTIVE_UNSPECIFIED\"")}", InvalidArgument, "objective: OBJECTIVE_UNSPECIFIED is not an objective; leave the field out for OBJECTIVE_FASTEST", Read),
            C("objective-unknown-number", Rpc, $"{Compare} {CompareBody(extra: "\"objective\":99")}", InvalidArgument, "objective: unknown objective 99", Read),
            C("avoid-mode-unspecified", Rpc, $"{Compare} {CompareBody("\"avoidModes\":[\"TRANSPORT_MODE_UNSPECIFIED\"]")}", InvalidArgument, "constraints.avoid_modes[0]: TRANSPORT_MODE_UNSPECIFIED is not a mode", Read),
            C("avoid-mode-unknown-number", Rpc, $"{Compare} {CompareBody("\"avoidModes\":[42]")}", InvalidArgument, "constraints.avoid_modes[0]: unknown transport mode 42", Read),
            C("perspective-unknown-regime", Rpc, $"{Compare} {CompareBody("\"perspective\":{\"regimes\":[\"XX\"],\"cargoClass\":\"general\"}")}", InvalidArgument, "constraints.perspective.regimes: unknown regime 'XX'; known: EU, US, UK, CA, UN, or 'none'", Read),
            C("cargo-class-unknown", Rpc, $"{Compare} {CompareBody("\"perspective\":{\"regimes\":[\"EU\"],\"cargoClass\":\"nuclear\"}")}", InvalidArgument, "constraints.perspective.cargo_class: unknown cargo class 'nuclear'; known: general, dual-use, military, energy", Read),
            C("pareto-criterion-unspecified", Rpc, $$$"""{{{Pareto}}} {"origin":"xian","destination":"duisburg","criteria":["OBJECTIVE_UNSPECIFIED","OBJECTIVE_SHORTEST_DISTANCE"],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "criteria[0]: OBJECTIVE_UNSPECIFIED is not an objective; leave the field out for OBJECTIVE_FASTEST", Read),

            // --- HS codes ---
            C("hs-code-letters", Rpc, $"{Compare} {CompareBody("\"perspective\":{\"regimes\":[\"EU\"],\"cargoClass\":\"general\",\"hsCode\":\"84x\"}")}", InvalidArgument, "constraints.perspective.hs_code: '84x' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30", Read),
            C("hs-code-reserved-chapter", Rpc, $"{Compare} {CompareBody("\"perspective\":{\"regimes\":[\"EU\"],\"cargoClass\":\"general\",\"hsCode\":\"7712\"}")}", InvalidArgument, "constraints.perspective.hs_code: unknown HS chapter '77' in '7712': chapters run 01–97 (77 is reserved)", Read),
            C("hs-code-too-long", Rpc, $"{Compare} {CompareBody("\"perspective\":{\"regimes\":[\"EU\"],\"cargoClass\":\"general\",\"hsCode\":\"88033000001\"}")}", InvalidArgument, "constraints.perspective.hs_code: '88033000001' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30", Read),

            // --- Other constraints ---
            C("avoid-country-three-letters", Rpc, $"{Compare} {CompareBody("\"avoidCountries\":[\"RUS\"]")}", InvalidArgument, "constraints.avoid_countries[0]: 'RUS' is not an ISO 3166-1 alpha-2 code (two letters)", Read),
            C("unknown-avoid-link", Rpc, $"{Compare} {CompareBody("\"avoidLinks\":[\"no-such-link\"]")}", InvalidArgument, "constraints.avoid_links[0]: unknown link 'no-such-link'", Read),
            C("border-crossings-65", Rpc, $"{Compare} {CompareBody("\"maxBorderCrossings\":65")}", InvalidArgument, "constraints.max_border_crossings: must be between 0 and 64, got 65", Read),
            C("risk-score-101", Rpc, $"{Compare} {CompareBody("\"maxRiskScore\":101")}", InvalidArgument, "constraints.max_risk_score: must be between 0 and 100, got 101", Read),
            C("payload-zero", Rpc, $"{Compare} {CompareBody("\"payloadTonnes\":0")}", InvalidArgument, "constraints.payload_tonnes: must be above 0 and at most 100 t, got 0", Read),
            C("corridor-on-a-comparison", Rpc, $"{Compare} {CompareBody("\"corridorId\":\"northern\"")}", InvalidArgument, "constraints.corridor_id: a comparison covers every corridor; leave corridor_id empty", Read),
            C("routes-alternatives-negative", Rpc, $$$"""{{{Routes}}} {"origin":"xian","destination":"duisburg","alternatives":-1,"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "alternatives: must be between 0 and 10, got -1", Read),
            C("routes-overlap-above-one", Rpc, $$$"""{{{Routes}}} {"origin":"xian","destination":"duisburg","maxOverlap":1.5,"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "max_overlap: must be above 0 and at most 1, got 1.5", Read),

            C("capacity-volume-negative", Rpc, $$$"""{{{Capacity}}} {"volumes":[{"origin":"xian","destination":"duisburg","teuPerYear":-5}],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got -5", Read),
            C("capacity-volume-nan", Rpc, $$$"""{{{Capacity}}} {"volumes":[{"origin":"xian","destination":"duisburg","teuPerYear":"NaN"}],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got NaN", Read),
            C("capacity-volume-absurd-json", Http, """POST /v1/capacity:analyze {"volumes":[{"origin":"xian","destination":"duisburg","teuPerYear":1e12}],"constraints":{"asOf":"2024-06-01"}}""", 400, "volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got 1000000000000", Read),
            C("capacity-volume-unknown-place", Rpc, $$$"""{{{Capacity}}} {"volumes":[{"origin":"xian","destination":"Atlantis","teuPerYear":1000}],"constraints":{"asOf":"2024-06-01"}}""", NotFound, "volumes[0].destination: no place is called 'Atlantis'", Read),
            C("capacity-same-pair-twice", Rpc, $$$"""{{{Capacity}}} {"volumes":[{"origin":"xian","destination":"duisburg","teuPerYear":1000},{"origin":"Xi'an","destination":"duisburg","teuPerYear":5}],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "volumes[1]: the pair xian → duisburg is given more than once; give its total once", Read),
            C("capacity-corridor-set", Rpc, $$$"""{{{Capacity}}} {"constraints":{"asOf":"2024-06-01","corridorId":"northern"}}""", InvalidArgument, "constraints.corridor_id: a comparison covers every corridor; leave corridor_id empty", Read),
            C("capacity-value-of-time-zero", Rpc, $$$"""{{{Capacity}}} {"valueOfTimeUsdPerTeuDay":0,"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "value_of_time_usd_per_teu_day: must be above 0 and at most 10000 USD per TEU-day, got 0", Read),
            C("capacity-201-pairs", Rpc, $$$"""{{{Capacity}}} {"volumes":[{{{Repeat("{\"origin\":\"xian\",\"destination\":\"duisburg\",\"teuPerYear\":1}", 201)}}}],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "volumes: has 201 entries; at most 200 are accepted", Read),

            // --- Sizes ---
            C("too-many-avoid-countries", Rpc, $"{Compare} {CompareBody("\"avoidCountries\":[" + Repeat("\"RU\"", 257) + "]")}", InvalidArgument, "constraints.avoid_countries: has 257 entries; at most 256 are accepted", Read),
            C("matrix-too-large", Rpc, $$$"""{{{Matrix}}} {"origins":[{{{Repeat("\"xian\"", 60)}}}],"destinations":[{{{Repeat("\"duisburg\"", 50)}}}],"constraints":{"asOf":"2024-06-01"}}""", InvalidArgument, "origins: 60 origins × 50 destinations = 3000 cells exceeds the maximum of 2500", Read),
            C("matrix-10000-by-10000", Rpc, $$"""{{Matrix}} {"origins":[{{Repeat("\"xian\"", 10_000)}}],"destinations":[{{Repeat("\"duisburg\"", 10_000)}}]}""", InvalidArgument, "origins: 10000 origins × 10000 destinations = 100000000 cells exceeds the maximum of 2500", Read),
            C("metrics-51-pairs", Rpc, $$"""{{Metrics}} {"pairs":[{{Pairs(51)}}]}""", InvalidArgument, "pairs: has 51 entries; at most 50 are accepted", Read),
            C("watch-51-pairs", Rpc, $$"""{{Watch}} {"pairs":[{{Pairs(51)}}]}""", InvalidArgument, "pairs: has 51 entries; at most 50 are accepted", Read),
            C("message-over-1-mib", Rpc, $"{Compare} zeros:{(1024 * 1024) + 1}", ResourceExhausted, "Received message exceeds the maximum configured message size.", Read),

            // --- Unknown ids ---
            C("unknown-corridor", Rpc, $$"""{{GetCorridor}} {"corridorId":"arctic"}""", NotFound, "corridor_id: no corridor has id 'arctic'; known: northern, middle, maritime, maritime-cape, cku", Read),
            C("routes-unknown-corridor", Rpc, $$$"""{{{Routes}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2024-06-01","corridorId":"arctic"}}""", NotFound, "constraints.corridor_id: no corridor has id 'arctic'; known: northern, middle, maritime, maritime-cape, cku", Read),
            C("unknown-scenario-in-query", Rpc, $"{Compare} {CompareBody(extra: "\"scenarioId\":\"no-such-scenario\"")}", NotFound, "scenario_id: no scenario has id 'no-such-scenario'; known: caspian-ferry-congestion, cku-open, poland-belarus-border-closed, red-sea-closed, catalogue-stored", Read),
            C("get-unknown-scenario", Rpc, $$"""{{Get}} {"id":"no-such-scenario"}""", NotFound, "no scenario has id 'no-such-scenario'", Read),
            C("watch-unknown-scenario", Rpc, $$"""{{Watch}} {"scenarioId":"no-such-scenario"}""", NotFound, "scenario_id: no scenario has id 'no-such-scenario'; known: caspian-ferry-congestion, cku-open, poland-belarus-border-closed, red-sea-closed, catalogue-stored", Read),

            // --- Scenario documents ---
            C("document-not-json", Rpc, $"{Create} key:writer {CreateBody("doc-not-json", "not json")}", InvalidArgument, "definition: not valid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null'. LineNumber: 0 | BytePositionInLine: 1.", Write),
            C("document-empty", Rpc, $"{Create} key:writer {CreateBody("doc-empty", "")}", InvalidArgument, "definition: is required: the scenario document as JSON", Write),
            C("document-unknown-change-type", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-type", """{"name":"x","changes":[{"type":"teleport","link":"brest-malaszewicze"}]}""")}}""", InvalidArgument, "definition.changes[0].type: unknown change type 'teleport'; known: close-place, close-link, set-dwell, set-link-speed, open-link, lift-measure, redate-measure, add-measure", Write),
            C("document-unknown-link", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-link", """{"name":"x","changes":[{"type":"close-link","link":"no-such-link"}]}""")}}""", InvalidArgument, "definition.changes[0].link: unknown link 'no-such-link'", Write),
            C("document-unknown-place", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-place", """{"name":"x","changes":[{"type":"close-place","place":"atlantis"}]}""")}}""", InvalidArgument, "definition.changes[0].place: unknown place 'atlantis'", Write),
            C("document-dates-reversed", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-dates", """{"name":"x","changes":[{"type":"close-link","link":"brest-malaszewicze","from":"2025-09-25","to":"2025-09-12"}]}""")}}""", InvalidArgument, "definition.changes[0].to: 2025-09-12 is not after from 2025-09-25", Write),
            C("document-date-not-a-day", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-day", """{"name":"x","changes":[{"type":"close-link","link":"brest-malaszewicze","from":"2025-02-30"}]}""")}}""", InvalidArgument, "definition.changes[0].from: 2025-02-30 is not a date YYYY-MM-DD", Write),
            C("document-201-changes", Rpc, $"{Create} key:writer {CreateBody("doc-many", Changes("""{"type":"close-place","place":"suez"}""", 201))}", InvalidArgument, "definition.changes: 201 changes; the maximum is 200", Write),
            C("document-over-256-kib", Rpc, $"{Create} key:writer {CreateBody("doc-big", Oversized())}", InvalidArgument, "definition: the scenario is 307282 bytes; the maximum is 262144", Write, Match.Exact),
            C("document-id-differs", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-id", """{"id":"someone-else","name":"x","changes":[{"type":"close-place","place":"suez"}]}""")}}""", InvalidArgument, "definition.id: 'someone-else' differs from the request's id 'doc-id'; leave it out or make them equal", Write),
            C("document-without-name", Rpc, $$"""{{Create}} key:writer {{CreateBody("doc-noname", """{"changes":[{"type":"close-place","place":"suez"}]}""")}}""", InvalidArgument, "definition.name: required: a non-empty string", Write),

            // --- Scenario ids and versions ---
            C("id-with-space-and-capitals", Rpc, $"{Create} key:writer {CreateBody("Bad Id", GoodDocument)}", InvalidArgument, "id: 'Bad Id' is not an id: lowercase letters and digits joined by '-', at most 64 characters", Write),
            C("id-65-characters", Rpc, $"{Create} key:writer {CreateBody(new string('a', 65), GoodDocument)}", InvalidArgument, "id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is not an id: lowercase letters and digits joined by '-', at most 64 characters", Write),
            C("id-empty", Rpc, $"{Create} key:writer {CreateBody("", GoodDocument)}", InvalidArgument, "id: is required", Write),
            C("id-of-a-shipped-scenario", Rpc, $"{Create} key:writer {CreateBody("red-sea-closed", GoodDocument)}", AlreadyExists, "'red-sea-closed' is a shipped scenario's id; choose another", Write),
            C("id-already-stored", Rpc, $"{Create} key:writer {CreateBody(StoredId, GoodDocument)}", AlreadyExists, "scenario 'catalogue-stored' already exists (version 1)", Write),
            C("update-shipped-scenario", Rpc, $$"""{{Update}} key:writer {"id":"red-sea-closed","expectedVersion":1,"definition":{{Quote(GoodDocument)}}}""", FailedPrecondition, "shipped scenarios are read-only: 'red-sea-closed' ships with the server; create a scenario with another id instead", Write),
            C("update-stale-version", Rpc, $$"""{{Update}} key:writer {"id":"{{StoredId}}","expectedVersion":7,"definition":{{Quote(GoodDocument)}}}""", Aborted, "scenario 'catalogue-stored' is at version 1, not 7: read it again and retry with expected_version 1", Write),
            C("update-version-zero", Rpc, $$"""{{Update}} key:writer {"id":"{{StoredId}}","definition":{{Quote(GoodDocument)}}}""", InvalidArgument, "expected_version: is 0; versions start at 1.", Write),
            C("delete-stale-version", Rpc, $$"""{{Delete}} key:writer {"id":"{{StoredId}}","expectedVersion":2}""", Aborted, "scenario 'catalogue-stored' is at version 1, not 2: read it again and retry with expected_version 1", Write),
            C("update-unknown-scenario", Rpc, $$"""{{Update}} key:writer {"id":"no-such-scenario","expectedVersion":1,"definition":{{Quote(GoodDocument)}}}""", NotFound, "no scenario has id 'no-such-scenario'", Write),
            C("delete-unknown-scenario", Rpc, $$"""{{Delete}} key:writer {"id":"no-such-scenario","expectedVersion":1}""", NotFound, "no scenario has id 'no-such-scenario'", Write),

            // --- Keys ---
            C("create-without-key", Rpc, $"{Create} {CreateBody("no-key", GoodDocument)}", Unauthenticated, "Changing scenarios needs an API key in the x-api-key metadata.", Write),
            C("create-with-reader-key", Rpc, $"{Create} key:reader {CreateBody("reader-key", GoodDocument)}", PermissionDenied, "The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.", Write),
            C("create-with-invalid-key", Rpc, $"{Create} key:bogus {CreateBody("bogus-key", GoodDocument)}", Unauthenticated, "The x-api-key metadata is not a valid API key.", Write),
            C("create-with-key-twice", Rpc, $"{Create} key:twice {CreateBody("twice-key", GoodDocument)}", Unauthenticated, "The x-api-key metadata is not a valid API key.", Write),
            C("delete-without-key", Rpc, $$"""{{Delete}} {"id":"{{StoredId}}","expectedVersion":1}""", Unauthenticated, "Changing scenarios needs an API key in the x-api-key metadata.", Write),
            C("update-with-reader-key", Rpc, $$"""{{Update}} key:reader {"id":"{{StoredId}}","expectedVersion":1,"definition":{{Quote(GoodDocument)}}}""", PermissionDenied, "The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.", Write),

            // --- Malformed bodies ---
            C("truncated-protobuf", Rpc, $"{Compare} hex:0a0578", InvalidArgument, "the request body is not a valid CompareCorridorsRequest message", Read),
            C("invalid-utf8", Rpc, $"{Compare} hex:0a047869fffe", InvalidArgument, "the request body is not a valid CompareCorridorsRequest message", Read),
            C("wrong-wire-type", Rpc, $"{Compare} hex:0d01020304", InvalidArgument, "2 problems: origin: is required; destination: is required", Read),
            C("truncated-protobuf-on-create", Rpc, $"{Create} key:writer hex:0a0578", InvalidArgument, "the request body is not a valid CreateScenarioRequest message", Write),

            // --- JSON ---
            C("json-unknown-place", Http, "GET /v1/comparisons?origin=xian&destination=Atlantis&constraints.asOf=2024-06-01", 404, "destination: no place is called 'Atlantis'", Read),
            C("json-ambiguous-place", Http, "GET /v1/comparisons?origin=xian&destination=Rhine%20Port&constraints.asOf=2024-06-01", 404, "destination: 'Rhine Port' is ambiguous: it matches duisburg (Duisburg, DE), rotterdam (Rotterdam, NL); use one of their ids", Read),
            C("json-broken", Http, """POST /v1/comparisons {"origin": "xian", "destination": 5""", 400, "Request JSON payload is not correctly formatted.", Read),
            C("json-wrong-type", Http, """POST /v1/comparisons {"origin": "xian", "destination": 5}""", 400, "Request JSON payload is not correctly formatted.", Read),
            C("json-unknown-enum-name", Http, """POST /v1/comparisons {"origin":"xian","destination":"duisburg","objective":"OBJECTIVE_CHEAPEST"}""", 400, "Error converting value \"OBJECTIVE_CHEAPEST\" to enum type Corridors.Contracts.V1.Objective.", Read),
            C("json-invalid-utf8", Http, "POST /v1/comparisons hex:7b226f726967696e223a227869ff227d", 400, "Request JSON payload is not correctly formatted.", Read),
            C("json-as-of-out-of-range", Http, """POST /v1/comparisons {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2041-01-01"}}""", 400, "constraints.as_of: as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)", Read),
            C("json-as-of-in-query-bad", Http, "GET /v1/comparisons?origin=xian&destination=duisburg&constraints.asOf=yesterday", 400, "constraints.as_of: 'yesterday' is not a date in YYYY-MM-DD form", Read),
            C("json-matrix-too-large", Http, $$"""POST /v1/matrix {"origins":[{{Repeat("\"xian\"", 60)}}],"destinations":[{{Repeat("\"duisburg\"", 50)}}]}""", 400, "origins: 60 origins × 50 destinations = 3000 cells exceeds the maximum of 2500", Read),
            C("json-metrics-51-pairs", Http, $$"""POST /v1/metrics {"pairs":[{{Pairs(51)}}]}""", 400, "pairs: has 51 entries; at most 50 are accepted", Read),
            C("json-unknown-corridor", Http, "GET /v1/corridors/arctic", 404, "corridor_id: no corridor has id 'arctic'; known: northern, middle, maritime, maritime-cape, cku", Read),
            C("json-unknown-scenario", Http, "GET /v1/scenarios/no-such-scenario", 404, "no scenario has id 'no-such-scenario'", Read),
            C("json-body-25-mib", Http, $"POST /v1/scenarios key:writer zeros:{25 * 1024 * 1024}", 413, "the request body is larger than 1048576 bytes (Corridors:MaxRequestMessageBytes)", Write),
            C("json-create-without-key", Http, $"POST /v1/scenarios {CreateBody("json-no-key", GoodDocument)}", 401, "Changing scenarios needs an API key in the x-api-key metadata.", Write),
            C("json-create-with-reader-key", Http, $"POST /v1/scenarios key:reader {CreateBody("json-reader", GoodDocument)}", 403, "The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.", Write),
            C("json-create-with-invalid-key", Http, $"POST /v1/scenarios key:bogus {CreateBody("json-bogus", GoodDocument)}", 401, "The x-api-key metadata is not a valid API key.", Write),
            C("json-document-unknown-link", Http, $$"""POST /v1/scenarios key:writer {{CreateBody("json-doc", """{"name":"x","changes":[{"type":"close-link","link":"no-such-link"}]}""")}}""", 400, "definition.changes[0].link: unknown link 'no-such-link'", Write),
            C("json-update-stale-version", Http, $$"""PUT /v1/scenarios/{{StoredId}} key:writer {"expectedVersion":5,"definition":{{Quote(GoodDocument)}}}""", 409, "scenario 'catalogue-stored' is at version 1, not 5: read it again and retry with expected_version 1", Write),
            C("json-delete-stale-version", Http, $"DELETE /v1/scenarios/{StoredId}?expectedVersion=3 key:writer", 409, "scenario 'catalogue-stored' is at version 1, not 3: read it again and retry with expected_version 1", Write),
            C("json-create-broken-body", Http, """POST /v1/scenarios key:writer {"id":"json-broken","definition":""", 400, "Request JSON payload is not correctly formatted.", Write),

            // --- gRPC-Web ---
            C("web-unknown-place", Web, $"{Compare} {CompareBody(origin: "Atlantis")}", NotFound, "origin: no place is called 'Atlantis'", Read),
            C("web-as-of-after-2040", Web, $$$"""{{{Compare}}} {"origin":"xian","destination":"duisburg","constraints":{"asOf":"2041-01-01"}}""", InvalidArgument, "constraints.as_of: as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)", Read),
            C("web-truncated-protobuf", Web, $"{Compare} hex:0a0578", InvalidArgument, "the request body is not a valid CompareCorridorsRequest message", Read),
            C("web-invalid-utf8", Web, $"{Compare} hex:0a047869fffe", InvalidArgument, "the request body is not a valid CompareCorridorsRequest message", Read),
            C("web-message-over-1-mib", Web, $"{Compare} zeros:{(1024 * 1024) + 1}", ResourceExhausted, "Received message exceeds the maximum configured message size.", Read),
            C("web-create-without-key", Web, $"{Create} {CreateBody("web-no-key", GoodDocument)}", Unauthenticated, "Changing scenarios needs an API key in the x-api-key metadata.", Write),
            C("web-update-stale-version", Web, $$"""{{Update}} key:writer {"id":"{{StoredId}}","expectedVersion":4,"definition":{{Quote(GoodDocument)}}}""", Aborted, "scenario 'catalogue-stored' is at version 1, not 4: read it again and retry with expected_version 1", Write),
            C("web-document-not-json", Web, $"{Create} key:writer {CreateBody("web-doc", "{")}", InvalidArgument, "definition: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 1.", Write),
        ];
    }
}
