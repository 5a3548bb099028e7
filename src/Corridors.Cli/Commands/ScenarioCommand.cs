using System.CommandLine;
using System.Globalization;
using Corridors.Cli.Output;
using Corridors.Application.Mapping;
using Corridors.Contracts.Client;
using Corridors.Contracts.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors scenario list|get|create|update|delete … --server URL [--api-key KEY]</c>: the scenarios of a running
/// server. Mutations need a writer key, from <c>--api-key</c> or the <c>CORRIDORS_API_KEY</c> environment variable;
/// it is sent as <c>x-api-key</c> metadata and never printed. Exit codes: 0 done; 2 bad input (the server's field
/// violations are printed, e.g. <c>--file: changes[0].link: unknown link 'x'</c>), an unknown id or a shipped
/// (read-only) scenario; 69 the server cannot answer or its store cannot be written; 75 conflict (stale
/// <c>--version</c>, or the id exists); 77 the key is missing, invalid or not a writer's.
/// </summary>
internal static class ScenarioCommand
{
    public const string ApiKeyVariable = "CORRIDORS_API_KEY";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create(CliContext context)
    {
        var command = new Command("scenario", "List, show, create, update and delete the scenarios of a running server (--server URL).");
        command.Add(List(context));
        command.Add(Get(context));
        command.Add(CreateScenario(context));
        command.Add(Update(context));
        command.Add(Delete(context));
        return command;
    }

    private sealed class Common
    {
        public Option<string> Server { get; } = new("--server")
        {
            Description = "The server's gRPC address, e.g. http://127.0.0.1:50051 (several comma-separated: replicas, called round-robin).",
            Required = true,
        };

        public Option<string?> ApiKey { get; } = new("--api-key")
        {
            Description = $"API key sent as x-api-key metadata (default: the {ApiKeyVariable} environment variable). Mutations need a writer key.",
        };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the response as one proto3 JSON object." };

        public void AddTo(Command command)
        {
            command.Add(Server);
            command.Add(ApiKey);
            command.Add(Json);
        }
    }

    private static Command List(CliContext context)
    {
        var common = new Common();
        var command = new Command("list", "The shipped (read-only) and stored scenarios with their versions.");
        common.AddTo(command);
        command.SetAction(parse => Call(context, parse, common, (client, call) => client.ListScenarios(new ListScenariosRequest(), call), ScenarioText.WriteList));
        return command;
    }

    private static Command Get(CliContext context)
    {
        var common = new Common();
        var id = new Argument<string>("id") { Description = "The scenario id." };
        var command = new Command("get", "One scenario with its definition.") { id };
        common.AddTo(command);
        command.SetAction(parse => Call(context, parse, common,
            (client, call) => client.GetScenario(new GetScenarioRequest { Id = parse.GetValue(id)! }, call), ScenarioText.WriteScenario));
        return command;
    }

    private static Command CreateScenario(CliContext context)
    {
        var common = new Common();
        var id = new Option<string>("--id") { Description = "The new scenario's id: lowercase letters and digits joined by '-'.", Required = true };
        var file = new Option<string>("--file") { Description = "The scenario document (JSON, the format of networks/scenarios/*.json).", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the document's \"name\")." };
        var command = new Command("create", "Create a scenario from a JSON document (needs a writer key).") { id, file, name };
        common.AddTo(command);
        command.SetAction(parse => ReadFile(context, parse.GetValue(file)!) is not { } definition
            ? ExitCodes.UsageError
            : Call(context, parse, common, (client, call) => client.CreateScenario(
                new CreateScenarioRequest { Id = parse.GetValue(id)!, Name = parse.GetValue(name) ?? string.Empty, Definition = definition }, call),
                (output, s) => output.WriteLine($"created {s.Id} version {s.Version}")));
        return command;
    }

    private static Command Update(CliContext context)
    {
        var common = new Common();
        var id = new Argument<string>("id") { Description = "The scenario id." };
        var file = new Option<string>("--file") { Description = "The new scenario document (JSON).", Required = true };
        var version = new Option<long>("--version") { Description = "The version you read (scenario get); a stale one is refused with exit 75.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the document's \"name\")." };
        var command = new Command("update", "Replace a stored scenario's definition (needs a writer key).") { id, file, version, name };
        common.AddTo(command);
        command.SetAction(parse => ReadFile(context, parse.GetValue(file)!) is not { } definition
            ? ExitCodes.UsageError
            : Call(context, parse, common, (client, call) => client.UpdateScenario(new UpdateScenarioRequest
            {
                Id = parse.GetValue(id)!,
                ExpectedVersion = parse.GetValue(version),
                Name = parse.GetValue(name) ?? string.Empty,
                Definition = definition,
            }, call), (output, s) => output.WriteLine($"updated {s.Id} to version {s.Version}")));
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var common = new Common();
        var id = new Argument<string>("id") { Description = "The scenario id." };
        var version = new Option<long>("--version") { Description = "The version you read; a stale one is refused with exit 75.", Required = true };
        var command = new Command("delete", "Delete a stored scenario (needs a writer key).") { id, version };
        common.AddTo(command);
        command.SetAction(parse => Call(context, parse, common,
            (client, call) => client.DeleteScenario(new DeleteScenarioRequest { Id = parse.GetValue(id)!, ExpectedVersion = parse.GetValue(version) }, call),
            (output, r) => output.WriteLine($"deleted {r.Id} (was version {r.Version})")));
        return command;
    }

    private static string? ReadFile(CliContext context, string path)
    {
        string full = Path.GetFullPath(Path.Combine(context.CurrentDirectory, path));
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"corridors: --file: cannot read '{path}': {e.Message}");
            return null;
        }
    }

    private static int Call<TResponse>(
        CliContext context,
        ParseResult parse,
        Common common,
        Func<ScenarioService.ScenarioServiceClient, CallOptions, TResponse> call,
        Action<TextWriter, TResponse> writeText)
        where TResponse : IMessage
    {
        if (ServerTarget.Addresses(context, parse.GetValue(common.Server)!) is not { } addresses)
        {
            return ExitCodes.UsageError;
        }

        var headers = new Metadata();
        string? key = parse.GetValue(common.ApiKey) ?? context.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrEmpty(key))
        {
            headers.Add("x-api-key", key);
        }

        using GrpcChannel channel = ServerChannel.Open(addresses);
        TResponse response;
        try
        {
            response = call(new ScenarioService.ScenarioServiceClient(channel),
                new CallOptions(headers, deadline: CliContext.DeadlineIn(Timeout)));
        }
        catch (RpcException e)
        {
            return Report(context, ServerTarget.Show(addresses), e);
        }

        if (parse.GetValue(common.Json))
        {
            context.Output.WriteLine(ProtoJson.Format(response, indented: true));
        }
        else
        {
            writeText(context.Output, response);
        }

        return ExitCodes.Success;
    }

    private static int Report(CliContext context, string address, RpcException e)
    {
        Google.Rpc.Status? status = e.GetRpcStatus();
        ErrorInfo? info = status?.GetDetail<ErrorInfo>();
        switch (e.StatusCode)
        {
            case StatusCode.InvalidArgument:
                BadRequest? badRequest = status?.GetDetail<BadRequest>();
                if (badRequest is null || badRequest.FieldViolations.Count == 0)
                {
                    context.Error.WriteLine($"corridors: {e.Status.Detail}");
                }
                else
                {
                    foreach (BadRequest.Types.FieldViolation violation in badRequest.FieldViolations)
                    {
                        context.Error.WriteLine($"corridors: {OptionFor(violation.Field)}: {violation.Description}");
                    }
                }

                return ExitCodes.UsageError;
            case StatusCode.NotFound:
                context.Error.WriteLine($"corridors: {e.Status.Detail}");
                return ExitCodes.UsageError;
            case StatusCode.FailedPrecondition when info?.Reason != "STORE_READ_ONLY":
                context.Error.WriteLine($"corridors: {e.Status.Detail}");
                return ExitCodes.UsageError;
            case StatusCode.Aborted or StatusCode.AlreadyExists:
                context.Error.WriteLine($"corridors: {e.Status.Detail}");
                if (info is not null && info.Metadata.TryGetValue("current_version", out string? current))
                {
                    context.Error.WriteLine($"corridors: current version: {current}");
                }

                return ExitCodes.Conflict;
            case StatusCode.Unauthenticated or StatusCode.PermissionDenied:
                context.Error.WriteLine($"corridors: {e.Status.Detail} (--api-key or {ApiKeyVariable})");
                return ExitCodes.NotPermitted;
            default:
                context.Error.WriteLine($"corridors: --server {address}: {e.StatusCode}: {e.Status.Detail}");
                return ExitCodes.ServerUnavailable;
        }
    }

    /// <summary>The option a field of a scenario request came from: the document's fields are the file's.</summary>
    private static string OptionFor(string field) => field switch
    {
        "definition" => "--file",
        _ when field.StartsWith("definition.", StringComparison.Ordinal) => "--file: " + field["definition.".Length..],
        "expected_version" => "--version",
        _ => "--" + field.Replace('_', '-'),
    };
}
