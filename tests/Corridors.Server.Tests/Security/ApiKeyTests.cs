using System.Diagnostics;
using Corridors.Server.Security;
using Corridors.Server.Tests.Support;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Tests.Security;

public sealed class ApiKeyTests : IDisposable
{
    private const string WriterKey = "wk_7Qm2-planning-team-secret";
    private const string ReaderKey = "rk_Zx9-dashboard-secret";

    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public ApiKeyTests() =>
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public void Hash_IsLowercaseHexSha256OfTheUtf8Bytes()
    {
        // FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHasher.Hash("abc"));
        Assert.Equal(64, ApiKeyHasher.Hash("ключ-🔑").Length);
        Assert.True(ApiKeyHasher.IsHash(ApiKeyHasher.Hash(WriterKey).ToUpperInvariant()));
        Assert.False(ApiKeyHasher.IsHash(WriterKey));
    }

    [Fact]
    public async Task Hash_MatchesPrintfPipedToSha256sum()
    {
        var start = new ProcessStartInfo("sh", ["-c", "printf '%s' \"$1\" | sha256sum", "sh", WriterKey]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start.");
        string output = await process.StandardOutput.ReadToEndAsync().WaitAsync(Bounded.Timeout);
        await process.WaitForExitAsync().WaitAsync(Bounded.Timeout);

        Assert.Equal(ApiKeyHasher.Hash(WriterKey), output.Split(' ')[0]);
    }

    [Fact]
    public void NoHeader_IsAnonymous()
    {
        Assert.Same(ApiKeyAuthentication.Anonymous.Instance, Authenticator().Authenticate(new Metadata { { "other", "x" } }));
    }

    [Fact]
    public void ConfiguredKeys_AuthenticateAsTheirPrincipalAndRole_HashCaseDoesNotMatter()
    {
        ApiKeyAuthenticator authenticator = Authenticator();

        Assert.Equal(new ApiKeyAuthentication.Authenticated("planning-team", ApiKeyRole.Writer), authenticator.Authenticate(Headers(WriterKey)));
        Assert.Equal(new ApiKeyAuthentication.Authenticated("dashboard", ApiKeyRole.Reader), authenticator.Authenticate(Headers(ReaderKey)));
    }

    [Theory]
    [InlineData("wk_7Qm2-planning-team-secreT", InvalidApiKeyReason.Unknown)]  // one character off
    [InlineData("wk_7Qm2-planning-team-secret ", InvalidApiKeyReason.Unknown)] // trailing space is part of the key
    [InlineData("", InvalidApiKeyReason.Empty)]
    public void WrongKeys_AreInvalid(string key, InvalidApiKeyReason reason)
    {
        Assert.Equal(new ApiKeyAuthentication.Invalid(reason), Authenticator().Authenticate(Headers(key)));
    }

    [Fact]
    public void TheConfiguredHash_IsNotACredential()
    {
        Assert.Equal(new ApiKeyAuthentication.Invalid(InvalidApiKeyReason.Unknown), Authenticator().Authenticate(Headers(ApiKeyHasher.Hash(WriterKey))));
    }

    [Fact]
    public void RepeatedOrOverlongKeys_AreInvalid()
    {
        ApiKeyAuthenticator authenticator = Authenticator();

        Assert.Equal(new ApiKeyAuthentication.Invalid(InvalidApiKeyReason.Repeated),
            authenticator.Authenticate(new Metadata { { "x-api-key", WriterKey }, { "x-api-key", ReaderKey } }));
        Assert.Equal(new ApiKeyAuthentication.Invalid(InvalidApiKeyReason.TooLong),
            authenticator.Authenticate(Headers(new string('k', ApiKeyAuthenticator.MaxKeyLength + 1))));
    }

    [Theory]
    // header, access, readsRequireKey → expected status (OK = allowed)
    [InlineData(null, AccessKind.Write, false, StatusCode.Unauthenticated)]
    [InlineData("bogus", AccessKind.Write, false, StatusCode.Unauthenticated)]
    [InlineData(ReaderKey, AccessKind.Write, false, StatusCode.PermissionDenied)]
    [InlineData(WriterKey, AccessKind.Write, false, StatusCode.OK)]
    [InlineData(null, AccessKind.Read, false, StatusCode.OK)]
    [InlineData("bogus", AccessKind.Read, false, StatusCode.Unauthenticated)]
    [InlineData(ReaderKey, AccessKind.Read, false, StatusCode.OK)]
    [InlineData(null, AccessKind.Read, true, StatusCode.Unauthenticated)]
    [InlineData(ReaderKey, AccessKind.Read, true, StatusCode.OK)]
    [InlineData(WriterKey, AccessKind.Read, true, StatusCode.OK)]
    [InlineData(ReaderKey, AccessKind.Write, true, StatusCode.PermissionDenied)]
    public void Authorize_MapsEachCaseToItsStatus(string? key, AccessKind access, bool readsRequireKey, StatusCode expected)
    {
        AccessDecision decision = Authenticator(readsRequireKey).Authorize(key is null ? [] : Headers(key), access);

        StatusCode actual = decision is AccessDecision.Denied denied ? denied.Code : StatusCode.OK;
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Denials_CarryPreciseMessages_AndConvertToRpcExceptions()
    {
        ApiKeyAuthenticator authenticator = Authenticator();

        var anonymous = Assert.IsType<AccessDecision.Denied>(authenticator.Authorize([], AccessKind.Write));
        var reader = Assert.IsType<AccessDecision.Denied>(authenticator.Authorize(Headers(ReaderKey), AccessKind.Write));
        var invalid = Assert.IsType<AccessDecision.Denied>(authenticator.Authorize(Headers("bogus"), AccessKind.Write));

        Assert.Equal("Changing scenarios needs an API key in the x-api-key metadata.", anonymous.Message);
        Assert.Equal("The API key of 'dashboard' has the reader role; changing scenarios needs the writer role.", reader.Message);
        Assert.Equal("The x-api-key metadata is not a valid API key.", invalid.Message);
        RpcException exception = reader.ToRpcException();
        Assert.Equal(StatusCode.PermissionDenied, exception.StatusCode);
        Assert.Equal(reader.Message, exception.Status.Detail);
        Assert.Equal(new AccessDecision.Allowed("planning-team"), authenticator.Authorize(Headers(WriterKey), AccessKind.Write));
    }

    [Fact]
    public void Keys_NeverAppearInLogs_PrincipalsDo()
    {
        ApiKeyAuthenticator authenticator = Authenticator(readsRequireKey: true);
        string wrongKey = "wk_7Qm2-planning-team-secreX";

        authenticator.Authorize(Headers(WriterKey), AccessKind.Write);
        authenticator.Authorize(Headers(ReaderKey), AccessKind.Write);
        authenticator.Authorize(Headers(wrongKey), AccessKind.Read);
        authenticator.Authorize([], AccessKind.Read);
        authenticator.Authorize(new Metadata { { "x-api-key", WriterKey }, { "x-api-key", wrongKey } }, AccessKind.Write);

        IReadOnlyList<CapturedLogs.LogEntry> entries = _logs.Entries;
        Assert.Equal([7100, 7100, 7103, 7101, 7102, 7101], entries.Select(e => e.EventId.Id));
        string everything = _logs.ToString();
        foreach (string secret in new[] { WriterKey, ReaderKey, wrongKey, ApiKeyHasher.Hash(WriterKey), ApiKeyHasher.Hash(ReaderKey), "7Qm2", "Zx9" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("API key accepted for planning-team (Writer)", entries[0].Message);
        Assert.Equal("dashboard (Reader) may not Write: permission denied", entries[2].Message);
        Assert.Equal("API key rejected (Unknown); the key is not logged", entries[3].Message);
    }

    [Fact]
    public void Defaults_ArePinned_ReadsOpenAndNoKeys()
    {
        var options = new ApiKeyOptions();

        Assert.Equal("Corridors:ApiKeys", ApiKeyOptions.SectionName);
        Assert.False(options.ReadsRequireKey);
        Assert.Empty(options.Keys);
        Assert.Equal("x-api-key", ApiKeyAuthenticator.HeaderName);
    }

    [Fact]
    public void Registration_BindsLowercaseRolesFromConfiguration()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["Corridors:ApiKeys:ReadsRequireKey"] = "true",
            ["Corridors:ApiKeys:Keys:0:Principal"] = "planning-team",
            ["Corridors:ApiKeys:Keys:0:Sha256"] = ApiKeyHasher.Hash(WriterKey),
            ["Corridors:ApiKeys:Keys:0:Role"] = "writer",
        });

        var authenticator = provider.GetRequiredService<ApiKeyAuthenticator>();

        Assert.Equal(new ApiKeyAuthentication.Authenticated("planning-team", ApiKeyRole.Writer), authenticator.Authenticate(Headers(WriterKey)));
        Assert.IsType<AccessDecision.Denied>(authenticator.Authorize([], AccessKind.Read));
    }

    [Fact]
    public void BadKeyConfiguration_FailsNamingTheEntry_WithoutEchoingTheValue()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["Corridors:ApiKeys:Keys:0:Principal"] = "planning-team",
            ["Corridors:ApiKeys:Keys:0:Sha256"] = WriterKey, // the raw key pasted by mistake
            ["Corridors:ApiKeys:Keys:0:Role"] = "writer",
            ["Corridors:ApiKeys:Keys:1:Principal"] = "Planning-Team",
            ["Corridors:ApiKeys:Keys:1:Sha256"] = ApiKeyHasher.Hash(ReaderKey),
            ["Corridors:ApiKeys:Keys:2:Principal"] = "ops",
            ["Corridors:ApiKeys:Keys:2:Sha256"] = ApiKeyHasher.Hash(ReaderKey).ToUpperInvariant(),
            ["Corridors:ApiKeys:Keys:2:Role"] = "reader",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        Assert.Equal(
        [
            "Corridors:ApiKeys:Keys:0:Sha256 is not a SHA-256 digest (64 hex digits). Configure the hash, never the key: printf '%s' 'THE-KEY' | sha256sum",
            "Corridors:ApiKeys:Keys:1:Principal 'Planning-Team' is used by another key.",
            "Corridors:ApiKeys:Keys:1:Role must be 'writer' or 'reader'.",
            "Corridors:ApiKeys:Keys:2:Sha256 is the same as another key's.",
        ], exception.Failures);
        Assert.DoesNotContain(WriterKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRole_FailsNamingTheEntry()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["Corridors:ApiKeys:Keys:0:Principal"] = "ops",
            ["Corridors:ApiKeys:Keys:0:Sha256"] = ApiKeyHasher.Hash(ReaderKey),
            ["Corridors:ApiKeys:Keys:0:Role"] = "admin",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        // The binder drops a list entry it cannot convert: without this check the key would vanish silently.
        Assert.Equal(["Corridors:ApiKeys:Keys:0:Role 'admin' must be 'writer' or 'reader'."], exception.Failures);
    }

    private static Metadata Headers(string key) => new() { { ApiKeyAuthenticator.HeaderName, key } };

    private ApiKeyAuthenticator Authenticator(bool readsRequireKey = false) => new(
        Microsoft.Extensions.Options.Options.Create(new ApiKeyOptions
        {
            ReadsRequireKey = readsRequireKey,
            Keys =
            [
                new() { Principal = "planning-team", Sha256 = ApiKeyHasher.Hash(WriterKey).ToUpperInvariant(), Role = ApiKeyRole.Writer },
                new() { Principal = "dashboard", Sha256 = ApiKeyHasher.Hash(ReaderKey), Role = ApiKeyRole.Reader },
            ],
        }),
        _loggerFactory.CreateLogger<ApiKeyAuthenticator>());

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(_loggerFactory);
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            ContentRootPath = Path.Combine(Path.GetTempPath(), "corridors-no-content-root-" + Guid.NewGuid().ToString("N")), // no keys file there
        });
        services.AddApiKeyAuthentication();
        return services.BuildServiceProvider();
    }
}
