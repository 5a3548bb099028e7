using System.Text.Json.Nodes;
using Corridors.Domain.Network;
using Corridors.Domain.Risk;

namespace Corridors.Domain.Tests.Risk;

/// <summary>Every loader error names the file, the record, the field and the value.</summary>
public sealed class MeasureLoaderTests
{
    private const string File = "measures.json";
    private static readonly CorridorNetwork Network = RiskTestData.Network();

    private const string Valid = """
        {
          "coverage": { "from": "2014-01-01", "reviewedOn": "2026-11-29", "freshUntil": "2027-11-29" },
          "regimes": [
            { "id": "EU", "name": "European Union", "territory": ["DE", "PL"], "sources": ["T-1"] },
            { "id": "UN", "name": "United Nations", "territory": [], "sources": ["T-1"] }
          ],
          "operators": [
            { "name": "RZD", "role": "infrastructure", "description": "Russian Railways", "countries": ["RU"], "modes": ["rail"], "sources": ["T-1"] }
          ],
          "measures": [
            {
              "id": "EU-RZD", "regime": "EU", "title": "financing ban", "act": "Council Regulation (EU) 2022/328", "articles": "Art. 5",
              "target": { "operator": "RZD" }, "kind": "financing-ban",
              "modes": ["rail"], "cargoClasses": "all", "direction": "any", "effectiveFrom": "2022-02-25", "effectiveTo": null,
              "severity": 3, "prohibits": false, "sources": ["T-1", "T-2"]
            },
            {
              "id": "EU-TRANSIT", "regime": "EU", "title": "transit ban", "act": "Council Regulation (EU) 2023/427", "articles": "not verified",
              "target": { "country": "RU" }, "kind": "transit-ban",
              "modes": "all", "cargoClasses": ["dual-use"], "direction": "export-from-regime", "effectiveFrom": "2023-02-25",
              "severity": 5, "prohibits": true, "sources": ["T-1"]
            }
          ]
        }
        """;

    private static DataLoadResult<SanctionsCatalog> LoadEdited(Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(Valid)!.AsObject();
        edit(root);
        return MeasureLoader.Parse(root.ToJsonString(), File, Network);
    }

    private static JsonObject Measure(JsonObject root, int index) => root["measures"]![index]!.AsObject();

    private static DataProblem Single(DataLoadResult<SanctionsCatalog> result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.True(result.Problems.Count == 1, string.Join("\n", result.Problems));
        return result.Problems[0];
    }

    [Fact]
    public void ValidFile_LoadsEveryField()
    {
        DataLoadResult<SanctionsCatalog> result = MeasureLoader.Parse(Valid, File, Network);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Measure transit = result.Value.Measures.Single(m => m.Id == "EU-TRANSIT");
        Assert.Equal(Regime.EU, transit.Regime);
        Assert.Equal(new CountryTarget("RU"), transit.Target);
        Assert.Equal(MeasureKind.TransitBan, transit.Kind);
        Assert.Equal([CargoClass.DualUse], transit.CargoClasses);
        Assert.Equal(Enum.GetValues<TransportMode>().Length, transit.Modes.Count);
        Assert.Equal(TradeDirection.ExportFromRegime, transit.Direction);
        Assert.Equal(new DateOnly(2023, 2, 25), transit.EffectiveFrom);
        Assert.Null(transit.EffectiveTo);
        Assert.Equal(5, transit.Severity);
        Assert.True(transit.Prohibits);
        Assert.Equal(["DE", "PL"], result.Value.TerritoryOf(Regime.EU));
        Assert.Equal(new DateOnly(2027, 11, 29), result.Value.Coverage.FreshUntil);
        Assert.Equal("RZD", Assert.IsType<OperatorTarget>(result.Value.Measures.Single(m => m.Id == "EU-RZD").Target).Operator.Name);
    }

    [Fact]
    public void ShippedMeasures_LoadAgainstTheRealNetwork()
    {
        var data = new RealData();

        DataLoadResult<SanctionsCatalog> result = MeasureLoader.Load(Path.Combine(data.NetworksDirectory, MeasureLoader.RelativePath), data.Network);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(20, result.Value.Measures.Count);
        Assert.Equal(27, result.Value.TerritoryOf(Regime.EU).Count);
        Assert.Contains(result.Value.Measures, m => m.Id == "EU-RU-TRANSIT-DUALUSE-2023" && m.Prohibits && m.EffectiveFrom == new DateOnly(2023, 2, 26)); // Regulation (EU) 2023/427, in force the day after its publication
    }

    [Fact]
    public void UnknownRegime_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["regime"] = "EFTA"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "regime", "unknown regime 'EFTA'; known: EU, US, UK, CA, UN"), p);
    }

    [Fact]
    public void RegimeNotDeclared_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["regime"] = "US"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "regime", "regime 'US' is not declared in 'regimes'"), p);
    }

    [Fact]
    public void UnknownKind_ListsTheKnownKinds()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["kind"] = "embargo"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "kind",
            "unknown measure kind 'embargo'; known: sectoral, asset-freeze, financing-ban, transit-ban, carrier-ban, secondary-sanctions, shipping-restriction"), p);
    }

    [Fact]
    public void UnknownCargoClass_IsNamedWithItsIndex()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["cargoClasses"] = new JsonArray("dual-use", "weapons")));

        Assert.Equal(new DataProblem(File, "EU-TRANSIT", "cargoClasses[1]",
            "unknown cargo class 'weapons'; known: general, dual-use, military, energy"), p);
    }

    [Fact]
    public void UnknownSourceId_IsNamedWithItsIndex()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["sources"] = new JsonArray("T-1", "SAN-99")));

        Assert.Equal(new DataProblem(File, "EU-RZD", "sources[1]", "unknown source id 'SAN-99' (not in sources.csv)"), p);
    }

    [Fact]
    public void DatesOutOfOrder_AreNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["effectiveTo"] = "2022-02-25"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "effectiveTo", "effectiveTo 2022-02-25 is not after effectiveFrom 2022-02-25"), p);
    }

    [Fact]
    public void MalformedDate_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["effectiveFrom"] = "25.02.2022"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "effectiveFrom", "'25.02.2022' is not a date (yyyy-MM-dd)"), p);
    }

    [Fact]
    public void UnknownOperatorTarget_ListsTheDeclaredOperators()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["target"] = new JsonObject { ["operator"] = "Russian Railways" }));

        Assert.Equal(new DataProblem(File, "EU-RZD", "target.operator",
            "unknown target: operator 'Russian Railways' is not declared in 'operators' (declared: RZD)"), p);
    }

    [Fact]
    public void UnknownPlaceTarget_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["target"] = new JsonObject { ["place"] = "bandar-abbas" }));

        Assert.Equal(new DataProblem(File, "EU-RZD", "target.place", "unknown target: no place 'bandar-abbas' in the network"), p);
    }

    [Fact]
    public void CountryTargetThatIsNotAnIsoCode_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["target"] = new JsonObject { ["country"] = "Russia" }));

        Assert.Equal(new DataProblem(File, "EU-TRANSIT", "target.country",
            "unknown target: 'Russia' is not an ISO 3166-1 alpha-2 code (two capital letters)"), p);
    }

    [Fact]
    public void TargetWithTwoKinds_IsRefused()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["target"] = new JsonObject { ["country"] = "RU", ["operator"] = "RZD" }));

        Assert.Equal(new DataProblem(File, "EU-TRANSIT", "target",
            "a target has exactly one of country, operator, place, carrier; found country, operator"), p);
    }

    [Fact]
    public void InfrastructureOperatorMisspelled_AgainstTheLinks_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r =>
        {
            r["operators"]![0]!["name"] = "RZD Russian Railways";
            Measure(r, 0)["target"] = new JsonObject { ["operator"] = "RZD Russian Railways" };
        }));

        Assert.Equal(new DataProblem(File, "RZD Russian Railways", "name",
            "no link in the network has operator 'RZD Russian Railways'; an infrastructure operator must be spelled as in links' operator field"), p);
    }

    [Fact]
    public void SeverityOutOfScale_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["severity"] = 7));

        Assert.Equal(new DataProblem(File, "EU-RZD", "severity", "severity 7 is outside 1..5"), p);
    }

    [Fact]
    public void ProhibitingSecondarySanctions_AreRefused()
    {
        DataProblem p = Single(LoadEdited(r =>
        {
            Measure(r, 0)["kind"] = "secondary-sanctions";
            Measure(r, 0)["prohibits"] = true;
        }));

        Assert.Equal(new DataProblem(File, "EU-RZD", "prohibits",
            "a secondary-sanctions measure cannot prohibit: it raises the exposure of shippers outside the regime"), p);
    }

    [Fact]
    public void ExportDirectionForARegimeWithoutTerritory_IsRefused()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["regime"] = "UN"));

        Assert.Equal(new DataProblem(File, "EU-TRANSIT", "direction",
            "direction 'export-from-regime' needs a regime with a territory; UN has none"), p);
    }

    [Fact]
    public void UnknownProperty_IsNotIgnored()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["severty"] = 3));

        Assert.Equal(File, p.File);
        Assert.Equal("EU-RZD", p.RecordId);
        Assert.Equal("severty", p.Field);
        Assert.StartsWith("unknown property 'severty'; allowed: id, regime, title, target", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateMeasureId_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["id"] = "EU-RZD"));

        Assert.Equal(new DataProblem(File, "EU-RZD", "id", "measure id 'EU-RZD' is used twice"), p);
    }

    [Fact]
    public void MissingRequiredField_IsNamed_AndTheOtherMeasureIsStillChecked()
    {
        DataLoadResult<SanctionsCatalog> result = LoadEdited(r =>
        {
            Measure(r, 0).Remove("prohibits");
            Measure(r, 1)["direction"] = "sideways";
        });

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                new DataProblem(File, "EU-RZD", "prohibits", "required property 'prohibits' is missing"),
                new DataProblem(File, "EU-TRANSIT", "direction",
                    "unknown direction 'sideways'; known: any, export-from-regime, import-to-regime, from-target, to-target, to-or-from-target"),
            ],
            result.Problems);
    }

    [Fact]
    public void Licence_IsReadWithItsAuthorityAndType()
    {
        DataLoadResult<SanctionsCatalog> result = LoadEdited(r => Measure(r, 0)["licence"] = new JsonObject { ["authority"] = "OFSI", ["type"] = "specific licence" });

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new Licence("OFSI", "specific licence"), result.Value!.Measures.Single(m => m.Id == "EU-RZD").Licence);
        Assert.Null(result.Value.Measures.Single(m => m.Id == "EU-TRANSIT").Licence);
    }

    [Fact]
    public void LicenceOnAProhibitingMeasure_IsAContradiction()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 1)["licence"] = new JsonObject { ["authority"] = "OFSI", ["type"] = "specific licence" }));

        Assert.Equal(new DataProblem(File, "EU-TRANSIT", "licence", "a measure either prohibits the movement or requires a licence for it, not both"), p);
    }

    [Fact]
    public void LicenceWithoutAnAuthority_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0)["licence"] = new JsonObject { ["type"] = "specific licence" }));

        Assert.Equal("EU-RZD", p.RecordId);
        Assert.Equal("licence.authority", p.Field);
    }

    [Theory]
    [InlineData("act")]
    [InlineData("articles")]
    public void MeasureWithoutItsAct_IsNamedWithTheField(string field)
    {
        DataProblem p = Single(LoadEdited(r => Measure(r, 0).Remove(field)));

        Assert.Equal(("EU-RZD", field), (p.RecordId, p.Field));
    }

    [Fact]
    public void ActAndArticles_AreRead()
    {
        Measure measure = MeasureLoader.Parse(Valid, File, Network).Value!.Measures.Single(m => m.Id == "EU-TRANSIT");

        Assert.Equal(("Council Regulation (EU) 2023/427", "not verified"), (measure.Act, measure.Articles));
    }

    [Fact]
    public void MeasureNamingAnUndeclaredGoodsList_IsNamed()
    {
        DataLoadResult<SanctionsCatalog> result = LoadEdited(r => Measure(r, 1)["goodsLists"] = new JsonArray("EU-ANNEX-NOPE"));

        Assert.Contains(new DataProblem(File, "EU-TRANSIT", "goodsLists", "unknown goods list 'EU-ANNEX-NOPE'; declared: "), result.Problems);
        Assert.Null(result.Value);
    }

    [Fact]
    public void GoodsListWithAMalformedCode_IsNamed()
    {
        DataLoadResult<SanctionsCatalog> result = LoadEdited(r => r["goodsLists"] = new JsonArray(new JsonObject
        {
            ["id"] = "L", ["title"] = "t", ["codes"] = new JsonArray("88", "8x"), ["sources"] = new JsonArray("T-1"),
        }));

        DataProblem p = Single(result);
        Assert.Equal(("L", "codes[1]"), (p.RecordId, p.Field));
        Assert.StartsWith("'8x' is not an HS code", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProhibitionAndLicenceOnTheSameTargetAndCargo_AreAContradiction()
    {
        DataLoadResult<SanctionsCatalog> result = LoadEdited(r =>
        {
            JsonObject licensed = JsonNode.Parse(Measure(r, 1).ToJsonString())!.AsObject();
            licensed["id"] = "EU-TRANSIT-LICENCE";
            licensed["prohibits"] = false;
            licensed["licence"] = new JsonObject { ["authority"] = "a customs authority", ["type"] = "transit authorisation" };
            r["measures"]!.AsArray().Add(licensed);
        });

        DataProblem p = Single(result);
        Assert.Equal(new DataProblem(File, "EU-TRANSIT-LICENCE", "prohibits",
            "contradicts EU-TRANSIT: both are EU measures on country RU in force together for dual-use, one prohibiting the movement and one requiring a licence for it"), p);
    }

    [Fact]
    public void CoverageOutOfOrder_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => r["coverage"]!["freshUntil"] = "2020-01-01"));

        Assert.Equal(new DataProblem(File, "coverage", null,
            "dates out of order: expected from (2014-01-01) <= reviewedOn (2026-11-29) <= freshUntil (2020-01-01)"), p);
    }

    [Fact]
    public void MalformedJson_IsOneProblemWithItsPosition()
    {
        DataProblem p = Single(MeasureLoader.Parse("{ \"coverage\": { \"from\": \"2014-01-01\" ", File, Network));

        Assert.Equal(File, p.File);
        Assert.Null(p.RecordId);
        Assert.StartsWith("malformed JSON at line 1, byte ", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasuresThatIsNotAnArray_IsNamed()
    {
        DataProblem p = Single(LoadEdited(r => r["measures"] = "none"));

        Assert.Equal(new DataProblem(File, null, "measures", "expected an array but found string \"none\""), p);
    }

    [Fact]
    public void MissingFile_IsAProblemNotAnException()
    {
        string path = Path.Combine(Path.GetTempPath(), "corridors-no-such-dir", "measures.json");

        DataProblem p = Single(MeasureLoader.Load(path, Network));

        Assert.Equal(new DataProblem("measures.json", null, null, $"file '{path}' does not exist"), p);
    }
}
