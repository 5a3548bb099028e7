using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Tests.Risk;

public sealed class HsCodeTests
{
    [Theory]
    [InlineData("8471.30", "847130")]
    [InlineData("8471 30 00", "84713000")]
    [InlineData(" 88 ", "88")]
    [InlineData("8803300010", "8803300010")]
    public void ValidCodes_AreReadAsDigits(string text, string digits)
    {
        Assert.Equal(digits, HsCode.Parse(text).Value!.Code.Digits);
    }

    [Theory]
    [InlineData("84x", "'84x' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30")]
    [InlineData("8", "'8' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30")]
    [InlineData("88033000101", "'88033000101' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30")]
    [InlineData("", "'' is not an HS code: give 2 to 10 digits (dots and spaces allowed), e.g. 8471.30")]
    [InlineData("7712", "unknown HS chapter '77' in '7712': chapters run 01–97 (77 is reserved)")]
    [InlineData("9901", "unknown HS chapter '99' in '9901': chapters run 01–97 (77 is reserved)")]
    [InlineData("00", "unknown HS chapter '00' in '00': chapters run 01–97 (77 is reserved)")]
    public void BadCodes_AreRefusedSayingWhy(string text, string message)
    {
        QueryResult<HsCodeBox> result = HsCode.Parse(text);

        Assert.Equal([new QueryError("hs_code", message)], result.Errors);
    }

    [Theory]
    [InlineData("880330", true)]   // a subheading of the listed chapter
    [InlineData("88", true)]
    [InlineData("8", false)]       // not a code at all (refused by Parse); here: a one-digit prefix is no match
    [InlineData("847130", false)]
    public void GoodsList_CoversCodesUnderItsPrefixes(string code, bool covered)
    {
        var list = new GoodsList("L", "aircraft", ["88"], ["S"]);
        QueryResult<HsCodeBox> parsed = HsCode.Parse(code);

        Assert.Equal(covered, parsed.Value is { } box && list.Covers(box.Code));
    }

    [Fact]
    public void AHeadingThatContainsAListedSubheading_CountsAsListed()
    {
        var list = new GoodsList("L", "chips", ["854231"], ["S"]);

        Assert.True(list.Covers(HsCode.Parse("8542").Value!.Code));
        Assert.False(list.Covers(HsCode.Parse("854290").Value!.Code));
    }
}
