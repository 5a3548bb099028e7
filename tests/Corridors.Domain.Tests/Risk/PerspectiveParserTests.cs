using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Risk;

public sealed class PerspectiveParserTests
{
    private static readonly DateOnly Date = new(2023, 6, 1);

    [Theory]
    [InlineData("EU", new[] { Regime.EU })]
    [InlineData("eu, us", new[] { Regime.EU, Regime.US })]
    [InlineData("US+EU", new[] { Regime.EU, Regime.US })]
    [InlineData("none", new Regime[0])]
    [InlineData("NONE", new Regime[0])]
    public void KnownRegimes_AreParsedIntoAnOrderedSet(string text, Regime[] expected)
    {
        QueryResult<Perspective> result = PerspectiveParser.Parse(text, "dual-use", Date);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Value!.Regimes);
        Assert.Equal(CargoClass.DualUse, result.Value.Cargo);
        Assert.Equal(Date, result.Value.AsOf);
    }

    [Fact]
    public void UnknownRegime_IsNamedWithTheKnownOnes()
    {
        QueryResult<Perspective> result = PerspectiveParser.Parse("EU,XX", "general", Date);

        Assert.Equal([new QueryError("perspective", "unknown regime 'XX'; known: EU, US, UK, CA, UN, or 'none'")], result.Errors);
    }

    [Fact]
    public void NoneCombinedWithARegime_IsRefused()
    {
        QueryResult<Perspective> result = PerspectiveParser.Parse("none,EU", "general", Date);

        Assert.Equal([new QueryError("perspective", "'none' cannot be combined with regimes (got 'none,EU')")], result.Errors);
    }

    [Fact]
    public void UnknownCargoClass_IsNamedWithTheKnownOnes()
    {
        QueryResult<Perspective> result = PerspectiveParser.Parse("EU", "weapons", Date);

        Assert.Equal([new QueryError("cargo", "unknown cargo class 'weapons'; known: general, dual-use, military, energy")], result.Errors);
    }

    [Fact]
    public void EveryBadValue_IsReportedAtOnce()
    {
        QueryResult<Perspective> result = PerspectiveParser.Parse("", " ", new DateOnly(2030, 1, 1));

        Assert.False(result.IsSuccess);
        Assert.Equal(["perspective", "cargo"], result.Errors.Select(e => e.Field));
        Assert.Equal("no perspective given; use one or more of EU, US, UK, CA, UN (comma-separated) or 'none'", result.Errors[0].Message);
        Assert.Equal("no cargo class given; use one of general, dual-use, military, energy", result.Errors[1].Message);
    }

    [Fact]
    public void Perspective_PrintsRegimesCargoAndDate()
    {
        Assert.Equal("EU+US dual-use 2023-06-01", new Perspective([Regime.US, Regime.EU], CargoClass.DualUse, Date).ToString());
        Assert.Equal("none general 2023-06-01", new Perspective([], CargoClass.General, Date).ToString());
    }
}
