using System.CommandLine;
using Corridors.Domain.Dataset;
using Corridors.Domain.Dates;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors validate [DIR]</c>: loads and checks a network folder, printing every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Network folder (default: networks/ in the current folder or the repository, else the copy installed with the tool).",
            Arity = ArgumentArity.ZeroOrOne,
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
        DataCoverage coverage = dataset.Sanctions.Coverage;
        DataFreshness freshness = coverage.FreshnessOn(context.Calendar.Today);
        context.Output.WriteLine(
            $"sanctions OK: {dataset.Sanctions.Measures.Count} measures from {coverage.From:yyyy-MM-dd}; emission factors OK: {dataset.EmissionFactors.Factors.Count} factors, grid intensities for {dataset.EmissionFactors.Grid.Series.Count} countries {dataset.EmissionFactors.Grid.FirstYear}-{dataset.EmissionFactors.Grid.LastYear}");
        AsOfRange range = dataset.AsOfRangeOn(context.Calendar.Today);
        context.Output.WriteLine($"as-of dates answered: {range.Earliest:yyyy-MM-dd} … {range.Latest:yyyy-MM-dd}");
        context.Output.WriteLine(FreshnessLine("sanctions/measures.json", freshness));
        context.Output.WriteLine("network, emission factors: no review date recorded (each figure names its own source)");
        return ExitCodes.Success;
    }

    /// <summary>The review date and the days left (or, once stale, how long ago the data turned stale).</summary>
    internal static string FreshnessLine(string dataset, DataFreshness freshness) => freshness.IsStale
        ? $"{dataset}: STALE — reviewed {freshness.ReviewedOn:yyyy-MM-dd}, fresh until {freshness.FreshUntil:yyyy-MM-dd}, {-freshness.DaysLeft} day(s) past it on {freshness.Today:yyyy-MM-dd}; answers are flagged until it is reviewed again (networks/sanctions/README.md)"
        : $"{dataset}: reviewed {freshness.ReviewedOn:yyyy-MM-dd}, fresh until {freshness.FreshUntil:yyyy-MM-dd}, {freshness.DaysLeft} day(s) left on {freshness.Today:yyyy-MM-dd}";
}
