using System.CommandLine;
using Corridors.Application.Mapping;
using Corridors.Application.Queries;
using Google.Protobuf;

namespace Corridors.Cli.Commands;

/// <summary>
/// The one path of the query commands: the request built from the options goes to a <see cref="QueryTarget"/> (this
/// process, or the server named by <c>--server</c>); the answer is printed as a table or, with <c>--json</c>, as the
/// API's proto3 JSON. Refused fields are printed against the options they came from, one per line, and end with exit
/// code 2; a network that does not load gives 1, a server that cannot answer 69.
/// </summary>
internal static class QueryCommandRunner
{
    /// <param name="optionErrors">Problems found while reading the options (unknown mode or objective names).</param>
    /// <param name="masked">The request carries a read mask: JSON without default values (<see cref="ProtoJson.FormatMasked"/>).</param>
    public static int Run<TResponse>(
        CliContext context,
        ParseResult parse,
        QueryCommandOptions options,
        IReadOnlyList<string> optionErrors,
        Func<QueryTarget, ContractResult<TResponse>> ask,
        Action<TextWriter, TResponse> writeText,
        bool masked = false)
        where TResponse : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(optionErrors);
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(writeText);
        if (optionErrors.Count > 0)
        {
            foreach (string error in optionErrors)
            {
                context.Error.WriteLine($"corridors: {error}");
            }

            return ExitCodes.UsageError;
        }

        QueryTarget? target;
        if (parse.GetValue(options.Server) is { } server)
        {
            if (ServerTarget.Addresses(context, server) is not { } addresses)
            {
                return ExitCodes.UsageError;
            }

            target = new ServerTarget(addresses);
        }
        else if ((target = InProcessTarget.Open(context, parse.GetValue(options.Directory))) is null)
        {
            return ExitCodes.InvalidNetwork;
        }

        using (target)
        {
            ContractResult<TResponse> result;
            try
            {
                result = ask(target);
            }
            catch (ServerUnavailableException e)
            {
                context.Error.WriteLine($"corridors: {e.Message}");
                return ExitCodes.ServerUnavailable;
            }

            if (!result.IsSuccess)
            {
                foreach (ContractError error in result.Errors)
                {
                    context.Error.WriteLine(error.Field.Length == 0
                        ? $"corridors: {error.Description}"
                        : $"corridors: {QueryCommandOptions.OptionFor(error.Field)}: {error.Description}");
                }

                return ExitCodes.UsageError;
            }

            if (parse.GetValue(options.Json))
            {
                context.Output.WriteLine(masked ? ProtoJson.FormatMasked(result.Value) : ProtoJson.Format(result.Value, indented: true));
            }
            else
            {
                writeText(context.Output, result.Value);
            }

            return ExitCodes.Success;
        }
    }
}
