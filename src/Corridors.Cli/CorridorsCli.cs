using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Corridors.Cli.Commands;

namespace Corridors.Cli;

/// <summary>
/// Composes the commands and runs one command line. Each command lives in its own file under <c>Commands/</c>;
/// adding one is a new file plus a line in <see cref="CreateRootCommand"/>.
/// </summary>
internal static class CorridorsCli
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "Compare China–Europe freight corridors.\n\n"
            + "Networks: --dir names the folder (default networks). A relative name is looked up in the current folder, then in the "
            + "clone above it (the folder holding Corridors.sln); without either, the networks installed with the tool are used.");
        root.Add(ValidateCommand.Create(context));
        root.Add(FidelityCommand.Create(context));
        root.Add(PlacesCommand.Create(context));
        root.Add(CompareCommand.Create(context));
        root.Add(CapacityCommand.Create(context));
        root.Add(RouteCommand.Create(context));
        root.Add(ParetoCommand.Create(context));
        root.Add(ScenarioCommand.Create(context));
        root.Add(KeysCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Parses and runs; returns the exit code. Usage errors give <see cref="ExitCodes.UsageError"/>; any exception a
    /// command lets escape is reported in one line (no stack trace) with <see cref="ExitCodes.InternalError"/>.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Process boundary: no exception, and no stack trace, may reach the user.")]
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            ParseResult parse = CreateRootCommand(context).Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
                {
                    context.Error.WriteLine($"corridors: {error.Message}");
                }

                context.Error.WriteLine("Run 'corridors --help' for usage.");
                return ExitCodes.UsageError;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"corridors: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
