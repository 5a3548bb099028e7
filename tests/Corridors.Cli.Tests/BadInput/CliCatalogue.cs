namespace Corridors.BadInput;

/// <summary>
/// Bad command lines, run in-process from the repository folder on the business date of the review day. Input is the
/// arguments (<c>'quoted'</c> when they hold spaces); <c>{dead-server}</c> is a loopback URL nothing listens on and
/// <c>{temp}</c> a fresh temp folder. Message is stderr, in which those two read as their placeholders again.
/// </summary>
public static class CliCatalogue
{
    private const int BadInput = 2, Unreachable = 69;

    private const string Compare = "compare --from xian --to duisburg --as-of 2024-06-01";

    private const string Capacity = "capacity --as-of 2024-06-01";

    /// <summary>Bad volumes files for <c>corridors capacity</c>, relative to the repository folder the cases run in.</summary>
    private const string Volumes = "tests/Corridors.Cli.Tests/BadInput/volumes";

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        C("unknown-command", "frobnicate", BadInput, "corridors: Required command was not provided.\ncorridors: Unrecognized command or argument 'frobnicate'.\nRun 'corridors --help' for usage."),
        C("unknown-option", $"{Compare} --colour red", BadInput, "corridors: Unrecognized command or argument '--colour'.\ncorridors: Unrecognized command or argument 'red'.\nRun 'corridors --help' for usage."),
        C("missing-destination", "compare --from xian --as-of 2024-06-01", BadInput, "corridors: Option '--to' is required.\nRun 'corridors --help' for usage."),
        C("as-of-month-13", "compare --from xian --to duisburg --as-of 2024-13-01", BadInput, "corridors: --as-of: '2024-13-01' is not a date in YYYY-MM-DD form"),
        C("as-of-before-2014", "compare --from xian --to duisburg --as-of 2013-12-31", BadInput, "corridors: --as-of: as-of date 2013-12-31 is outside the answered range 2014-01-01 … 2040-12-31 (before 2014-01-01, the earliest date the data is collected for)"),
        C("as-of-after-2040", "compare --from xian --to duisburg --as-of 2041-01-01", BadInput, "corridors: --as-of: as-of date 2041-01-01 is outside the answered range 2014-01-01 … 2040-12-31 (after 2040-12-31, the horizon of the service's forecasts)"),
        C("unknown-place", "compare --from xian --to Atlantis --as-of 2024-06-01", BadInput, "corridors: --to: no place is called 'Atlantis'"),
        C("misspelt-place-with-candidate", "compare --from xian --to Duisberg --as-of 2024-06-01", BadInput, "corridors: --to: no place is called 'Duisberg'; did you mean duisburg (Duisburg, DE)?"),
        C("empty-place", "compare --from '' --to duisburg --as-of 2024-06-01", BadInput, "corridors: --from: is required"),
        C("unknown-objective", $"{Compare} --objective cheapest", BadInput, "corridors: --objective: unknown objective 'cheapest'; known: fastest, shortest, lowest-risk, lowest-co2e"),
        C("unknown-perspective", $"{Compare} --perspective XX", BadInput, "corridors: --perspective: unknown regime 'XX'; known: EU, US, UK, CA, UN, or 'none'"),
        C("unknown-cargo", $"{Compare} --cargo nuclear", BadInput, "corridors: --cargo: unknown cargo class 'nuclear'; known: general, dual-use, military, energy"),
        C("hs-code-letters", $"{Compare} --hs-code 84x", BadInput, "corridors: --hs-code: '84x' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30"),
        C("hs-code-reserved-chapter", $"{Compare} --hs-code 7712", BadInput, "corridors: --hs-code: unknown HS chapter '77' in '7712': chapters run 01–97 (77 is reserved)"),
        C("avoid-country-three-letters", $"{Compare} --avoid-country RUS", BadInput, "corridors: --avoid-country: 'RUS' is not an ISO 3166-1 alpha-2 code (two letters)"),
        C("avoid-unknown-mode", $"{Compare} --avoid-mode teleport", BadInput, "corridors: --avoid-mode: unknown mode 'teleport'; known: rail, road, sea, ferry, inland-waterway"),
        C("unknown-scenario", $"{Compare} --scenario no-such-scenario", BadInput, "corridors: --scenario: no scenario has id 'no-such-scenario'; known: caspian-ferry-congestion, cku-open, poland-belarus-border-closed, red-sea-closed"),
        C("read-mask-without-json", $"{Compare} --read-mask comparisons.corridor_id", BadInput, "corridors: --read-mask: only with --json (a table shows every figure)"),
        C("read-mask-unknown-field", $"{Compare} --json --read-mask comparisons.colour", BadInput, "corridors: --read-mask: \"comparisons.colour\" names no field: CorridorComparison has no field colour"),
        C("route-unknown-corridor", "route --from xian --to duisburg --as-of 2024-06-01 --corridor arctic", BadInput, "corridors: --corridor: no corridor has id 'arctic'; known: northern, middle, maritime, maritime-cape, cku"),
        C("border-crossings-negative", $"{Compare} --max-border-crossings -1", BadInput, "corridors: --max-border-crossings: must be between 0 and 64, got -1"),
        C("server-unreachable", $"{Compare} --server {{dead-server}}", Unreachable, "corridors: --server {dead-server}/: Unavailable: Error connecting to subchannel.", Match.Prefix),
        C("server-url-without-scheme", $"{Compare} --server 127.0.0.1:50051", BadInput, "corridors: --server: '127.0.0.1:50051' is not an http:// or https:// URL"),
        C("capacity-volume-negative", $"{Capacity} --volumes {Volumes}/negative.csv", BadInput, "corridors: --volumes volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got -5"),
        C("capacity-volume-nan", $"{Capacity} --volumes {Volumes}/nan.csv", BadInput, "corridors: --volumes volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got NaN"),
        C("capacity-volume-absurd", $"{Capacity} --volumes {Volumes}/absurd.csv", BadInput, "corridors: --volumes volumes[0].teu_per_year: must be a finite number above 0 and at most 20000000 TEU per year, got 1000000000000"),
        C("capacity-volume-unknown-place", $"{Capacity} --volumes {Volumes}/unknown-place.csv", BadInput, "corridors: --volumes volumes[0].destination: no place is called 'Atlantis'"),
        C("capacity-volume-not-a-number", $"{Capacity} --volumes {Volumes}/not-a-number.csv", BadInput, "corridors: --volumes: line 1: 'lots' is not a number of TEU per year"),
        C("capacity-volume-wrong-separator", $"{Capacity} --volumes {Volumes}/wrong-separator.csv", BadInput, "corridors: --volumes: line 1: expected origin,destination,teu_per_year but found 1 field(s)"),
        C("capacity-volumes-missing-file", $"{Capacity} --volumes {Volumes}/no-such-file.csv", BadInput, $"corridors: --volumes: file '{Volumes}/no-such-file.csv' does not exist"),
        C("capacity-volumes-over-64-kib", $"{Capacity} --volumes networks/sources.csv", BadInput, "corridors: --volumes: file 'networks/sources.csv' is ", Match.Prefix),
        C("capacity-risk-penalty-negative", $"{Capacity} --risk-penalty-days -1", BadInput, "corridors: --risk-penalty-days-per-100-points: must be between 0 and 365 days, got -1"),
        C("keys-unknown-role", "keys add --role admin --name me --file {temp}/keys.json", BadInput, "corridors: Argument 'admin' not recognized. Must be one of:\n\t'writer'\n\t'reader'\nRun 'corridors --help' for usage."),
    ];

    private static BadInputCase C(string name, string input, int exitCode, string message, Match match = Match.Exact) =>
        new(name, Surfaces.Cli, input, exitCode, message, match, Unchanged.NoAnswer);
}
