using System.CommandLine;
using System.Globalization;
using Corridors.Cli.Output;
using Corridors.Domain.Dataset;
using Corridors.Domain.Fidelity;
using Corridors.Domain.Routing;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors fidelity</c>: the model beside the published whole-journey figures in
/// <c>networks/published-figures.json</c>, each with its source, the difference and whether it is within tolerance.
/// Exit 0 whatever the verdicts (rows outside tolerance are findings, explained in their notes), 1 for bad data.
/// </summary>
internal static class FidelityCommand
{
    public static Command Create(CliContext context)
    {
        var directory = NetworkLocator.DirectoryOption();
        var command = new Command("fidelity", "Compare the model with published distances and transit times, with sources and tolerances.") { directory };
        command.SetAction(parse => Run(context, parse.GetValue(directory)));
        return command;
    }

    private static int Run(CliContext context, string? requested)
    {
        var locator = new NetworkLocator(context);
        CorridorDataset? dataset = locator.LoadDatasetOrReport(requested);
        if (dataset is null)
        {
            return ExitCodes.InvalidNetwork;
        }

        string path = Path.Combine(locator.Resolve(requested), PublishedFiguresLoader.RelativePath);
        PublishedFiguresLoadResult loaded = PublishedFiguresLoader.Load(path, dataset.Network);
        if (loaded.Figures is not { } figures)
        {
            foreach (var problem in loaded.Problems)
            {
                context.Error.WriteLine(problem);
            }

            context.Error.WriteLine($"{PublishedFiguresLoader.RelativePath} has {loaded.Problems.Count} problem(s)");
            return ExitCodes.InvalidNetwork;
        }

        var router = new CorridorRouter(dataset, context.Calendar, context.GeometryFactory);
        IReadOnlyList<FidelityRow> rows = FidelityReport.Check(router, figures);
        FidelityText.Write(context.Output, rows);
        return ExitCodes.Success;
    }
}
