using System.Net.Sockets;
using System.Text.RegularExpressions;
using Corridors.Server.Networks;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Hosting;

/// <summary>
/// Turns what stops the server from starting because of its configuration — a setting out of range or of the wrong
/// kind, a bad listen address, a port in use, a networks folder without valid networks, a scenario store that refuses
/// to open (a newer schema, a PostgreSQL database that refuses the credentials) — into one line naming the setting and how to
/// fix it, for exit code 78 (EX_CONFIG). Anything else is a bug and keeps its stack trace.
/// </summary>
public static partial class StartupFailure
{
    /// <summary>sysexits.h EX_CONFIG: a configuration error.</summary>
    public const int ExitCode = 78;

    private const string HowToSet = "Set it in appsettings.json, as an environment variable (Corridors__Name) or as an argument (--Corridors:Name=value).";

    /// <summary>
    /// True when the server is the process (not hosted by a test's WebApplicationFactory, which must see the
    /// exception itself).
    /// </summary>
    public static bool EndsTheProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>
    /// The one line for the first configuration error in what the host threw: start-up may wrap it (an
    /// AggregateException of hosted services, an exception of a service whose options failed to build), so the whole
    /// chain is searched.
    /// </summary>
    public static bool TryDescribe(Exception exception, out string line)
    {
        ArgumentNullException.ThrowIfNull(exception);
        line = Chain(exception).Select(Describe).FirstOrDefault(described => described.Length > 0) ?? string.Empty;
        return line.Length > 0;
    }

    private static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => $"corridors: configuration error: {string.Join(" ", invalid.Failures.Select(Readable))} {HowToSet}",
        NetworkLoadException network => $"corridors: {FirstLine(network.Message)} (each problem is logged above). Fix the files, or point Corridors:NetworksDirectory at a folder with valid networks.",
        IOException { InnerException: SocketException or Microsoft.AspNetCore.Connections.AddressInUseException } bind =>
            $"corridors: {bind.Message.TrimEnd('.')}. Stop whatever uses that address, or choose free ports with --Corridors:GrpcPort=N and --Corridors:HttpPort=N (0 picks any) or another --Corridors:ListenAddress.",
        Persistence.ScenarioStoreOpenException store => $"corridors: the scenario store cannot be opened: {FirstLine(store.Message).TrimEnd('.')}.",
        InvalidOperationException conversion when ConversionFailure().Match(conversion.Message) is { Success: true } failed =>
            $"corridors: configuration error: {failed.Groups["key"].Value}: '{failed.Groups["value"].Value}' is {Expected(failed.Groups["type"].Value)} {HowToSet}",
        SocketException socket => $"corridors: cannot listen: {socket.Message}. Check Corridors:ListenAddress (an address of this machine, e.g. 127.0.0.1) and the ports.",
        _ => string.Empty,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> inner = exception is AggregateException aggregate
            ? aggregate.InnerExceptions
            : exception.InnerException is { } single ? [single] : [];
        foreach (Exception child in inner.SelectMany(Chain))
        {
            yield return child;
        }
    }

    /// <summary>"DataAnnotation validation failed for 'X' members: 'RateLimits.Mutations.Burst' with the error: '…'." → "Corridors:RateLimits:Mutations:Burst: …".</summary>
    private static string Readable(string failure)
    {
        Match annotation = DataAnnotationFailure().Match(failure);
        return annotation.Success
            ? $"Corridors:{annotation.Groups["member"].Value.Replace('.', ':')}: {annotation.Groups["error"].Value.TrimEnd('.')}."
            : failure;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r', ':');

    /// <summary>What a setting of <paramref name="typeName"/> accepts, for a value the configuration binder could not convert.</summary>
    private static string Expected(string typeName) =>
        typeof(StartupFailure).Assembly.GetType(typeName) is { IsEnum: true } enumType
            ? $"not one of {string.Join(", ", Enum.GetNames(enumType))}."
            : $"not a valid {typeName.Split('.')[^1]}.";

    /// <summary>The configuration binder's "Failed to convert configuration value 'V' at 'Corridors:X' to type 'T'."</summary>
    [GeneratedRegex("^Failed to convert configuration value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$")]
    private static partial Regex DataAnnotationFailure();
}
