using System.Text;
using static Corridors.BadInput.Surfaces;

namespace Corridors.BadInput;

/// <summary>
/// Broken files the service reads at start-up — the network, the sanctions measures, the emission factors and the
/// shipped scenarios — each broken in a fresh copy of <c>networks/</c> and loaded with the server's own loader.
/// Expected is the number of problems reported; Message is every problem, one a line.
/// </summary>
public static class FileCatalogue
{

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    /// <summary>An edit of the link Alashankou–Dostyk (the Northern corridor's Kazakh border crossing).</summary>
    private static string L(string verb, string rest) => $"northern.geojson | {verb} features/[id=alashankou-dostyk]{rest}";

    /// <summary>An edit of the EU's 2014 sectoral measures on Russia.</summary>
    private static string M(string verb, string rest) => $"sanctions/measures.json | {verb} measures/[id=EU-RU-SECTORAL-2014]{rest}";

    /// <summary>An edit of the shipped scenario red-sea-closed.</summary>
    private static string S(string op) => $"scenarios/red-sea-closed.json | {op}";

    private static BadInputCase C(string name, string surface, string input, int problems, string message, Match match = Match.Exact) =>
        new(name, surface, input, problems, message, match, Unchanged.NoDataset);

    private static string ManyChanges(int count) =>
        $$"""{"id":"red-sea-closed","name":"many","changes":[{{string.Join(",", Enumerable.Repeat("""{"type":"close-place","place":"suez"}""", count))}}]}""";

    private static string Large() =>
        new StringBuilder("""{"id":"red-sea-closed","name":"big","description":" """).Append('x', 300 * 1024)
            .Append("\",\"changes\":[{\"type\":\"close-place\",\"place\":\"suez\"}]}").ToString();

    private static List<BadInputCase> Build() =>
    [
        // --- The network ---
        C("places-file-missing", Networks, "places.geojson | delete", 218, "access-china.geojson: xian-baoji: from: from refers to an unknown place: no place has id 'xian' [unknown-place]", Match.Prefix),
        C("link-file-not-json", Networks, "northern.geojson | write {\"type\":", 9, "corridors.json: northern: europePlaces: no path from 'xian' to 'duisburg' over the links of corridor 'northern' and access links (any status) [corridor-not-connected]\ncorridors.json: northern: europePlaces: no path from 'xian' to 'hamburg' over the links of corridor 'northern' and access links (any status) [corridor-not-connected]\ncorridors.json: northern: europePlaces: no path from 'chongqing' to 'duisburg' over the links of corridor 'northern' and access links (any status) [corridor-not-connected]\ncorridors.json: northern: europePlaces: no path from 'chongqing' to 'hamburg' over the links of corridor 'northern' and access links (any status) [corridor-not-connected]\ncorridors.json: middle: europePlaces: no path from 'xian' to 'duisburg' over the links of corridor 'middle' and access links (any status) [corridor-not-connected]\ncorridors.json: middle: europePlaces: no path from 'xian' to 'budapest' over the links of corridor 'middle' and access links (any status) [corridor-not-connected]\ncorridors.json: middle: europePlaces: no path from 'chongqing' to 'duisburg' over the links of corridor 'middle' and access links (any status) [corridor-not-connected]\ncorridors.json: middle: europePlaces: no path from 'chongqing' to 'budapest' over the links of corridor 'middle' and access links (any status) [corridor-not-connected]\nnorthern.geojson: malformed JSON at line 1, byte 9: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. [malformed-json]"),
        C("link-geometry-one-point", Networks, L("set", "/geometry/coordinates [[82.57,45.17]]"), 1, "northern.geojson: alashankou-dostyk: geometry.coordinates: a LineString needs at least 2 positions but has 1 [invalid-geometry]"),
        C("link-geometry-latitude-95", Networks, L("set", "/geometry/coordinates [[82.57,95.0],[82.49,45.26]]"), 1, "northern.geojson: alashankou-dostyk: geometry.coordinates[0]: coordinate [longitude 82.57, latitude 95] must be finite with latitude in [-90, 90] and longitude in [-180, 180] [invalid-coordinate]"),
        C("link-geometry-a-point", Networks, L("set", "/geometry {\"type\":\"Point\",\"coordinates\":[82.57,45.17]}"), 1, "northern.geojson: alashankou-dostyk: geometry.type: geometry is a Point; a link needs a LineString [invalid-geometry]"),
        C("link-to-unknown-place", Networks, L("set", "/properties/to \"atlantis\""), 1, "northern.geojson: alashankou-dostyk: to: to refers to an unknown place: no place has id 'atlantis' [unknown-place]"),
        C("duplicate-link-id", Networks, "northern.geojson | text \"id\": \"khorgos-altynkol\" => \"id\": \"alashankou-dostyk\"", 1, "northern.geojson: alashankou-dostyk: id: id 'alashankou-dostyk' is defined 2 times: northern.geojson (link), northern.geojson (link) [duplicate-id]"),
        C("duplicate-place-id", Networks, "places.geojson | text \"id\": \"chengdu\" => \"id\": \"chongqing\"", 4, "access-china.geojson: chengdu-chongqing: from: from refers to an unknown place: no place has id 'chengdu' [unknown-place]\naccess-china.geojson: chengdu-baoji: from: from refers to an unknown place: no place has id 'chengdu' [unknown-place]\nchina-ports-terminals.geojson: chengdu-kunming: from: from refers to an unknown place: no place has id 'chengdu' [unknown-place]\nplaces.geojson: chongqing: id: id 'chongqing' is defined 2 times: places.geojson (place), places.geojson (place) [duplicate-id]"),
        C("link-unknown-source", Networks, L("set", "/properties/sources [\"NO-SUCH-SOURCE\"]"), 1, "northern.geojson: alashankou-dostyk: sources[0]: unknown source id 'NO-SUCH-SOURCE' (not in sources.csv) [unknown-source]"),
        C("link-negative-distance", Networks, L("set", "/properties/distanceKm/value -14.2"), 1, "northern.geojson: alashankou-dostyk: distanceKm.value: distance -14.2 km must be a finite number above 0 [non-positive-distance]"),
        C("link-speeds-unordered", Networks, L("set", "/properties/speedKmh/min 40"), 1, "northern.geojson: alashankou-dostyk: speedKmh: range min 40 / typical 20 / max 30 km/h must satisfy 0 < min <= typical <= max [range-not-ordered]"),
        C("link-unknown-mode", Networks, L("set", "/properties/mode \"teleport\""), 1, "northern.geojson: alashankou-dostyk: mode: unknown mode 'teleport'; allowed: rail, road, sea, ferry, inland-waterway [unknown-mode]"),
        C("link-traction-without-sources", Networks, "northern.geojson | set features/[id=dostyk-aktogay]/properties/tractionSources []", 1, "northern.geojson: dostyk-aktogay: tractionSources: traction 'diesel' has no tractionSources; name a source or an A-… assumption in sources.csv [traction-without-sources]"),
        C("link-traction-unknown", Networks, "northern.geojson | set features/[id=dostyk-aktogay]/properties/traction \"steam\"", 1, "northern.geojson: dostyk-aktogay: traction: unknown traction 'steam'; allowed: electric, diesel [unknown-kind]"),
        C("link-electrified-but-diesel", Networks, "northern.geojson | set features/[id=zabaikalsk-chita]/properties/traction \"diesel\"", 1, "northern.geojson: zabaikalsk-chita: electrifiedFrom: electrifiedFrom on a diesel link; only an electric link has an electrification date [traction-not-fitting]"),
        C("link-opening-not-a-date", Networks, L("set", "/properties/opens/date \"1990-13-12\""), 1, "northern.geojson: alashankou-dostyk: opens.date: date '1990-13-12' is not a calendar date in the form yyyy-MM-dd [invalid-date]"),
        C("place-without-country", Networks, "places.geojson | remove features/[id=chongqing]/properties/country", 1, "places.geojson: chongqing: country: required property 'country' is missing [missing-property]"),
        C("sources-csv-bad-header", Networks, "sources.csv | text id,title,url,date,notes => ident,title,url,date,notes", 1419, "access-china.geojson: xian-baoji: tractionSources[0]: unknown source id 'A-TRACTION-UNVERIFIED' (not in sources.csv) [unknown-source]", Match.Prefix),
        C("corridor-unknown-place", Networks, "corridors.json | set corridors/[id=northern]/chinaPlaces [\"atlantis\"]", 1, "corridors.json: northern: chinaPlaces[0]: no place has id 'atlantis' [unknown-place]"),

        // --- Sanctions measures ---
        C("measures-file-missing", Measures, "sanctions/measures.json | delete", 1, "measures.json: file 'networks/sanctions/measures.json' does not exist"),
        C("measures-not-json", Measures, "sanctions/measures.json | write {\"measures\": [", 1, "measures.json: malformed JSON at line 1, byte 15: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed."),
        C("measure-without-act", Measures, M("remove", "/act"), 1, "measures.json: EU-RU-SECTORAL-2014: act: required property 'act' is missing"),
        C("measure-without-date", Measures, M("remove", "/effectiveFrom"), 1, "measures.json: EU-RU-SECTORAL-2014: effectiveFrom: required property 'effectiveFrom' is missing"),
        C("measure-without-geography", Measures, M("remove", "/target"), 1, "measures.json: EU-RU-SECTORAL-2014: target: required property 'target' is missing"),
        C("measure-without-sources", Measures, M("set", "/sources []"), 1, "measures.json: EU-RU-SECTORAL-2014: sources: at least one source id is required"),
        C("measure-unknown-source", Measures, M("set", "/sources [\"NO-SUCH-SOURCE\"]"), 1, "measures.json: EU-RU-SECTORAL-2014: sources[0]: unknown source id 'NO-SUCH-SOURCE' (not in sources.csv)"),
        C("measure-date-february-30", Measures, M("set", "/effectiveFrom \"2014-02-30\""), 1, "measures.json: EU-RU-SECTORAL-2014: effectiveFrom: '2014-02-30' is not a date (yyyy-MM-dd)"),
        C("measure-ends-before-it-starts", Measures, M("set", "/effectiveTo \"2014-01-01\""), 1, "measures.json: EU-RU-SECTORAL-2014: effectiveTo: effectiveTo 2014-01-01 is not after effectiveFrom 2014-08-01"),
        C("measure-unknown-regime", Measures, M("set", "/regime \"XX\""), 1, "measures.json: EU-RU-SECTORAL-2014: regime: unknown regime 'XX'; known: EU, US, UK, CA, UN"),
        C("measure-severity-9", Measures, M("set", "/severity 9"), 1, "measures.json: EU-RU-SECTORAL-2014: severity: severity 9 is outside 1..5"),
        C("measures-contradict", Measures,
            """sanctions/measures.json | add measures {"id":"UK-RZD-BAN-2022","regime":"UK","title":"t","act":"a","articles":"x","target":{"operator":"RZD"},"kind":"asset-freeze","modes":["rail"],"cargoClasses":"all","direction":"any","effectiveFrom":"2022-03-24","effectiveTo":null,"severity":4,"prohibits":true,"sources":["SAN-12"]}""",
            1, "measures.json: UK-RZD-BAN-2022: prohibits: contradicts UK-RZD-ASSET-FREEZE-2022: both are UK measures on operator RZD in force together for general, dual-use, military, energy, one prohibiting the movement and one requiring a licence for it"),

        // --- Emission factors ---
        C("factors-file-missing", EmissionFactors, "emission-factors.json | delete", 1, "emission-factors.json: file 'networks/emission-factors.json' does not exist"),
        C("factors-not-json", EmissionFactors, "emission-factors.json | write [1,2", 1, "emission-factors.json: malformed JSON at line 1, byte 5: '2' is an invalid end of a number. Expected a delimiter."),
        C("factor-without-id", EmissionFactors, "emission-factors.json | remove factors/0/id", 2, "emission-factors.json: factors[0]: id: required property 'id' is missing\nemission-factors.json: rail-electric: no emission factor 'rail-electric'; every use needs one"),
        C("factor-negative", EmissionFactors, "emission-factors.json | set factors/1/wtw -0.03758", 1, "emission-factors.json: rail-diesel: wtw: wtw -0.03758 is not a finite number above zero"),
        C("factor-ttw-above-wtw", EmissionFactors, "emission-factors.json | set factors/1/ttw 0.05", 1, "emission-factors.json: rail-diesel: ttw: ttw 0.05 must be finite, at least 0 and at most wtw"),
        C("factor-unknown-source", EmissionFactors, "emission-factors.json | set factors/0/sources [\"NO-SUCH-SOURCE\"]", 1, "emission-factors.json: rail-electric: sources[0]: unknown source id 'NO-SUCH-SOURCE' (not in sources.csv)"),
        C("factor-without-sources", EmissionFactors, "emission-factors.json | remove factors/1/sources", 1, "emission-factors.json: rail-diesel: sources: required property 'sources' is missing"),
        C("factor-without-unit", EmissionFactors, "emission-factors.json | remove factors/1/unit", 1, "emission-factors.json: rail-diesel: unit: required property 'unit' is missing"),
        C("factor-without-basis", EmissionFactors, "emission-factors.json | remove factors/1/basis", 1, "emission-factors.json: rail-diesel: basis: required property 'basis' is missing"),
        C("factor-unit-of-another-use", EmissionFactors, "emission-factors.json | set factors/3/unit \"kg CO2e/tkm\"", 1, "emission-factors.json: sea-asia-north-europe: unit: unit 'kg CO2e/tkm' does not fit factor 'sea-asia-north-europe'; it takes 'kg CO2e/TEU-km'"),
        C("factor-unknown-id", EmissionFactors, "emission-factors.json | set factors/0/id \"hovercraft\"", 2, "emission-factors.json: hovercraft: id: unknown factor 'hovercraft'; known: rail-electric, rail-diesel, road-truck-feu, sea-asia-north-europe, sea-asia-mediterranean, sea-feeder, ferry-ro-pax, ferry-rail, inland-waterway, hub-port-handling, hub-rail-terminal, hub-gauge-change, hub-ferry-terminal\nemission-factors.json: rail-electric: no emission factor 'rail-electric'; every use needs one"),
        C("factor-rail-electric-missing", EmissionFactors, "emission-factors.json | remove factors/0", 1, "emission-factors.json: rail-electric: no emission factor 'rail-electric'; every use needs one"),
        C("grid-without-sources", EmissionFactors, "emission-factors.json | remove grid/sources", 1, "emission-factors.json: grid: sources: required property 'sources' is missing"),
        C("grid-without-unit", EmissionFactors, "emission-factors.json | remove grid/unit", 1, "emission-factors.json: grid: unit: required property 'unit' is missing"),
        C("payload-zero-tonnes", EmissionFactors, "emission-factors.json | set payload/cargoTonnes 0", 1, "emission-factors.json: payload: cargoTonnes: cargoTonnes 0 is not a finite number above zero"),

        // --- Shipped scenario documents ---
        C("scenario-file-not-json", ScenarioFile, "scenarios/extra.json | write not json", 1, "scenarios/extra.json: definition: not valid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null'. LineNumber: 0 | BytePositionInLine: 1."),
        C("scenario-id-not-file-name", ScenarioFile, S("set id \"red-sea-open\""), 1, "scenarios/red-sea-closed.json: id: 'red-sea-open' differs from the file name"),
        C("scenario-unknown-change-type", ScenarioFile, S("set changes/0/type \"teleport\""), 1, "scenarios/red-sea-closed.json: changes[0].type: unknown change type 'teleport'; known: close-place, close-link, set-dwell, set-link-speed, open-link, lift-measure, redate-measure, add-measure"),
        C("scenario-unknown-place", ScenarioFile, S("set changes/0/place \"atlantis\""), 1, "scenarios/red-sea-closed.json: changes[0].place: unknown place 'atlantis'"),
        C("scenario-date-december-32", ScenarioFile, S("set changes/0/from \"2023-12-32\""), 1, "scenarios/red-sea-closed.json: changes[0].from: 2023-12-32 is not a date YYYY-MM-DD"),
        C("scenario-201-changes", ScenarioFile, S("write " + ManyChanges(201)), 1, "scenarios/red-sea-closed.json: changes: 201 changes; the maximum is 200"),
        C("scenario-over-256-kib", ScenarioFile, S("write " + Large()), 1, "scenarios/red-sea-closed.json: definition: the scenario is 307304 bytes; the maximum is 262144"),
    ];
}
