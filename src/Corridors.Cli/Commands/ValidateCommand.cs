using System.CommandLine;
using Corridors.Domain.Dataset;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors validate [DIR]</c>: loads and checks a network folder, printing every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "Network folder (default: networks, looked up from the current folder and the repository root).",
            DefaultValueFactory = _ => NetworkLocator.DefaultDirectory,
        };
        var command = new Command("validate", "Check the network files and report every problem at once.") { directory };
        command.SetAction(parse => Run(context, parse.GetValue(directory)));
        return command;
    }

    private static int Run(CliContext context, string? requested)
    {
        var locator = new NetworkLocator(context);
        (string directory, NetworkLoadResult result) = locator.Load(requested);
        if (!result.IsValid)
        {
            locator.ReportProblems(directory, result.Problems);
            return ExitCodes.InvalidNetwork;
        }

        CorridorNetwork network = result.Network;
        CorridorDataset? dataset = locator.LoadDatasetOrReport(directory);
        if (dataset is null)
        {
            return ExitCodes.InvalidNetwork;
        }

        context.Output.WriteLine(
            $"network OK: {network.Places.Count} places, {network.Links.Count} links, {network.Corridors.Count} corridors, {network.Sources.Count} sources");
        context.Output.WriteLine(
            $"sanctions OK: {dataset.Sanctions.Measures.Count} measures, data {dataset.Sanctions.Coverage.From:yyyy-MM-dd} … {dataset.Sanctions.Coverage.To:yyyy-MM-dd}; emission factors OK: {dataset.EmissionFactors.Factors.Count} modes");
        return ExitCodes.Success;
    }
}
