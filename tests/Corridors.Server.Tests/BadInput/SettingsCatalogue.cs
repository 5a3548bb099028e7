using static Corridors.BadInput.Surfaces;

namespace Corridors.BadInput;

/// <summary>
/// Bad settings: each starts an in-memory server that must refuse to start. Message is the one line the server
/// process prints before exit code 78 (<c>StartupFailure</c>), built from the very exception the host threw.
/// </summary>
public static class SettingsCatalogue
{
    private const int ExConfig = 78;

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        C("grpc-port-70000", "GrpcPort=70000", "corridors: configuration error: Corridors:GrpcPort: The field GrpcPort must be between 0 and 65535. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("http-port-negative", "HttpPort=-1", "corridors: configuration error: Corridors:HttpPort: The field HttpPort must be between 0 and 65535. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("both-ports-the-same", "GrpcPort=50051; HttpPort=50051", "corridors: configuration error: Corridors:GrpcPort and Corridors:HttpPort are both 50051; the h2c and HTTP/1.1 endpoints need two ports. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("listen-address-a-name", "ListenAddress=localhost", "corridors: configuration error: Corridors:ListenAddress 'localhost' is not an IP address (e.g. 127.0.0.1 or ::1). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("listen-address-five-parts", "ListenAddress=127.0.0.0.1", "corridors: configuration error: Corridors:ListenAddress '127.0.0.0.1' is not an IP address (e.g. 127.0.0.1 or ::1). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("business-date-february-30", "BusinessDate=2026-02-30", "corridors: configuration error: Corridors:BusinessDate '2026-02-30' is not a date in YYYY-MM-DD form (leave it empty for the UTC date of the clock). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("business-date-day-first", "BusinessDate=29/11/2026", "corridors: configuration error: Corridors:BusinessDate '29/11/2026' is not a date in YYYY-MM-DD form (leave it empty for the UTC date of the clock). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("mutations-burst-zero", "RateLimits:Mutations:Burst=0", "corridors: configuration error: Corridors:RateLimits:Mutations needs PermitsPerMinute and Burst of at least 1 (it has 60 and 0). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("expensive-queries-negative", "RateLimits:ExpensiveQueries:PermitsPerMinute=-5", "corridors: configuration error: Corridors:RateLimits:ExpensiveQueries needs PermitsPerMinute and Burst of at least 1 (it has -5 and 100). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("matrix-cells-100-million", "MaxMatrixCells=100000000", "corridors: configuration error: Corridors:MaxMatrixCells: The field MaxMatrixCells must be between 1 and 2500. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("heartbeat-zero", "MetricsHeartbeatSeconds=0", "corridors: configuration error: Corridors:MetricsHeartbeatSeconds: The field MetricsHeartbeatSeconds must be between 0.01 and 3600. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("request-bytes-10", "MaxRequestMessageBytes=10", "corridors: configuration error: Corridors:MaxRequestMessageBytes: The field MaxRequestMessageBytes must be between 1024 and 67108864. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("board-pair-without-destination", "MetricsBoard:0:Origin=xian", "corridors: configuration error: Corridors:MetricsBoard:0 needs both Origin and Destination. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("keys-file-not-a-keys-file", "ApiKeys:KeysFile=@{\"keys\": 5}", "corridors: configuration error: Corridors:ApiKeys:KeysFile: <file> is not a keys file (line 1, at $.keys): it should be {\"keys\":[{\"principal\":…,\"sha256\":…,\"role\":\"writer\"|\"reader\"}]}; corridors keys add writes one. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("keys-file-not-json", "ApiKeys:KeysFile=@not json", "corridors: configuration error: Corridors:ApiKeys:KeysFile: <file> is not a keys file (line 1, at $): it should be {\"keys\":[{\"principal\":…,\"sha256\":…,\"role\":\"writer\"|\"reader\"}]}; corridors keys add writes one. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("key-raw-where-hash-belongs", "ApiKeys:Keys:0:Principal=team; ApiKeys:Keys:0:Sha256=my-secret-key; ApiKeys:Keys:0:Role=writer", "corridors: configuration error: Corridors:ApiKeys:Keys:0:Sha256 is not a SHA-256 digest (64 hex digits). Configure the hash, never the key: printf '%s' 'THE-KEY' | sha256sum Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("store-provider-unknown", "ScenarioStore:Provider=Mongo", "corridors: configuration error: Corridors:ScenarioStore:Provider: 'Mongo' is not one of Sqlite, Postgres. Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("store-postgres-without-connection-string", "ScenarioStore:Provider=Postgres", "corridors: configuration error: Corridors:ScenarioStore:ConnectionString is empty, and Corridors:ScenarioStore:Provider is Postgres: set it to an Npgsql connection string (Host=…;Database=…;Username=…;Password=…). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("store-connection-string-misspelt-keyword", "ScenarioStore:Provider=Postgres; ScenarioStore:ConnectionString=Host=127.0.0.1;Prot=5432", "corridors: configuration error: Corridors:ScenarioStore:ConnectionString is not an Npgsql connection string (Couldn't set prot (Parameter 'prot')). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
        C("store-connection-string-without-host", "ScenarioStore:Provider=Postgres; ScenarioStore:ConnectionString=Database=corridors;Username=corridors", "corridors: configuration error: Corridors:ScenarioStore:ConnectionString names no Host (Host=…;Database=…;Username=…). Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value)."),
    ];

    private static BadInputCase C(string name, string input, string message, Match match = Match.Exact) =>
        new(name, Settings, input, ExConfig, message, match, Unchanged.NotStarted);
}
