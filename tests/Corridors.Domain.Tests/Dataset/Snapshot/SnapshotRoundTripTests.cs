using Corridors.Domain.Dataset;
using Corridors.Domain.Dataset.Snapshot;
using Corridors.Domain.Dates;
using Corridors.Domain.Geo;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Dataset.Snapshot;

public sealed class SnapshotRoundTripTests
{
    [Fact]
    public void FirstLoad_WritesSnapshot_SecondLoad_UsesIt()
    {
        using var workspace = new SnapshotWorkspace();

        (CorridorDatasetLoadResult first, SnapshotReport firstReport) = workspace.Load();
        (CorridorDatasetLoadResult second, SnapshotReport secondReport) = workspace.Load();

        Assert.True(first.IsValid);
        Assert.Equal(SnapshotState.Missing, firstReport.Found);
        Assert.True(firstReport.Rewritten);
        Assert.True(second.IsValid);
        Assert.Equal(SnapshotState.Valid, secondReport.Found);
        Assert.True(secondReport.UsedSnapshot);
        Assert.False(secondReport.Rewritten);
    }

    [Fact]
    public void DatasetFromSnapshot_EqualsDatasetFromSources_InEveryPublicValue()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();

        (CorridorDatasetLoadResult fromSnapshot, SnapshotReport report) = workspace.Load();

        Assert.True(report.UsedSnapshot);
        CorridorDataset expected = workspace.FromSources();
        Assert.Null(DeepEquality.FirstDifference(expected, fromSnapshot.Dataset));
        // Sizes a reader would recognise, so that an empty dataset cannot pass as equal to another empty one.
        Assert.Equal(expected.Network.Places.Count, fromSnapshot.Dataset!.Network.Places.Count);
        Assert.True(fromSnapshot.Dataset.Network.Links.Count > 100, $"{fromSnapshot.Dataset.Network.Links.Count} links");
        Assert.True(fromSnapshot.Dataset.Sanctions.Measures.Count > 10, $"{fromSnapshot.Dataset.Sanctions.Measures.Count} measures");
        Assert.NotEmpty(fromSnapshot.Dataset.Scenarios);
    }

    [Fact]
    public void OperatorTargets_FromSnapshot_ShareTheCataloguesOperator_AsLoadedOnesDo()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();

        SanctionsCatalog sanctions = workspace.Load().Result.Dataset!.Sanctions;

        OperatorTarget[] targets = [.. sanctions.Measures.Select(m => m.Target).OfType<OperatorTarget>()];
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains(sanctions.Operators, o => ReferenceEquals(o, t.Operator)));
    }

    [Fact]
    public void Comparison_FromSnapshot_EqualsComparison_FromSources()
    {
        using var workspace = new SnapshotWorkspace();
        workspace.Load();
        CorridorDataset fromSnapshot = workspace.Load().Result.Dataset!;
        BusinessCalendar calendar = BusinessCalendar.Pinned(new DateOnly(2025, 6, 2));

        QueryResult<CorridorComparisonSet> expected = Compare(workspace.FromSources(), calendar);
        QueryResult<CorridorComparisonSet> actual = Compare(fromSnapshot, calendar);

        Assert.True(expected.IsSuccess);
        Assert.Null(DeepEquality.FirstDifference(expected.Value, actual.Value));
    }

    private static QueryResult<CorridorComparisonSet> Compare(CorridorDataset dataset, BusinessCalendar calendar)
    {
        var router = new CorridorRouter(dataset, calendar, Wgs84.CreateFactory());
        return router.Compare(new RouteQuery
        {
            Origin = new PlaceId("xian"),
            Destination = new PlaceId("duisburg"),
            Constraints = new RouteConstraints { AsOf = new DateOnly(2025, 6, 1) },
        });
    }

    [Fact]
    public void Snapshot_IsWrittenAtomically_LeavingOnlyTheSnapshotFile()
    {
        using var workspace = new SnapshotWorkspace();

        workspace.Load();

        string only = Assert.Single(Directory.GetFiles(workspace.Snapshots));
        Assert.Equal(workspace.SnapshotPath, only);
        Assert.EndsWith(".snapshot", only, StringComparison.Ordinal);
    }
}
