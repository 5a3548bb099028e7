namespace Corridors.BadInput;

/// <summary>
/// One entry of the bad-input catalogue: what is sent where, and what must come back. The same shape serves every
/// surface (the CLI tests link this file), so the whole catalogue reads as one table.
/// </summary>
/// <param name="Name">Unique, stable: the test's display name.</param>
/// <param name="Surface">Where the input goes: one of <see cref="Surfaces"/>.</param>
/// <param name="Input">
/// The input, as text read by the surface's runner:
/// <list type="bullet">
/// <item>grpc / grpc-web: <c>Service/Method [key:writer|reader|bogus|twice] BODY</c>, BODY being the request in proto
/// JSON, <c>hex:0A04…</c> (raw bytes) or <c>zeros:N</c> (N zero bytes);</item>
/// <item>json: <c>VERB /path [key:…] [BODY]</c>, BODY raw JSON text, <c>hex:…</c> or <c>zeros:N</c>;</item>
/// <item>cli: the arguments, space-separated, <c>'quoted'</c> when they hold spaces;</item>
/// <item>file:*: <c>FILE | OP</c> on a copy of <c>networks/</c>, OP one of <c>set PATH JSON</c>, <c>remove PATH</c>,
/// <c>add PATH JSON</c> (append to an array), <c>text OLD => NEW</c>, <c>delete</c>, <c>write TEXT</c>; PATH is
/// <c>/</c>-separated, a segment <c>[id=X]</c> picking the array element whose id is X;</item>
/// <item>settings: <c>Key=Value; Key=Value</c> under <c>Corridors:</c>, a value <c>@TEXT</c> written to a temp file
/// whose path becomes the value.</item>
/// </list>
/// </param>
/// <param name="Expected">
/// grpc / grpc-web: the <c>Grpc.Core.StatusCode</c>; json: the HTTP status; cli and settings: the exit code; file:*: the
/// number of problems the loader reports.
/// </param>
/// <param name="Message">
/// grpc / grpc-web: the status detail; json: the <c>message</c> of the <c>google.rpc.Status</c> body; cli: stderr;
/// file:*: the problems, one a line; settings: the one line the server prints before exit code 78.
/// </param>
/// <param name="Match">Exact, or a prefix when the message goes on with a temp path or a port.</param>
/// <param name="Unchanged">What is checked to prove that nothing changed.</param>
public sealed record BadInputCase(string Name, string Surface, string Input, int Expected, string Message, Match Match, Unchanged Unchanged)
{
    public override string ToString() => $"{Surface} {Name}";
}

/// <summary>The surfaces a case can target.</summary>
public static class Surfaces
{
    public const string Grpc = "grpc";
    public const string Json = "json";
    public const string GrpcWeb = "grpc-web";
    public const string Cli = "cli";
    public const string Networks = "file:networks";
    public const string Measures = "file:measures";
    public const string EmissionFactors = "file:emission-factors";
    public const string ScenarioFile = "file:scenario";
    public const string Settings = "settings";
}

public enum Match
{
    Exact,
    Prefix,
}

/// <summary>The "nothing changed" check of a case.</summary>
public enum Unchanged
{
    /// <summary>The scenario list (ids, versions, timestamps) is byte-for-byte what it was before the refused call.</summary>
    ScenarioList,

    /// <summary>A good comparison (Xi'an → Duisburg on 2024-06-01) is answered byte-for-byte as before the bad call.</summary>
    GoodAnswer,

    /// <summary>The loader returns no dataset, and the real <c>networks/</c> folder is byte-for-byte as before.</summary>
    NoDataset,

    /// <summary>The server did not start: its scenario database was never created.</summary>
    NotStarted,

    /// <summary>The CLI printed no answer (stdout empty) and wrote no file.</summary>
    NoAnswer,
}
