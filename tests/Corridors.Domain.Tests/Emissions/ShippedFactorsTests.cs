using Corridors.Domain.Emissions;
using Corridors.Domain.Tests.Risk;

namespace Corridors.Domain.Tests.Emissions;

/// <summary>Each shipped factor reproduces the value of its source, or the derivation its A-… row states.</summary>
public sealed class ShippedFactorsTests(RealData data) : IClassFixture<RealData>
{
    private EmissionFactorSet Factors => data.Router.Dataset.EmissionFactors;

    private EmissionFactor F(FactorUse use) => Factors.For(use);

    [Fact]
    public void Payload_IsOneFortyFootContainerWithTwentyTonnes()
    {
        Assert.Equal(20, Factors.DefaultPayload.CargoTonnes, 1e-12);
        Assert.Equal(2, Factors.DefaultPayload.Teu, 1e-12);
    }

    [Fact]
    public void ElectricRail_IsEcoTransItTable23VolumeGoods()
    {
        // ETW-2010-T23: 41.5 Wh per net tkm, 1,000 t train, volume goods.
        Assert.Equal(0.0415, F(FactorUse.RailElectric).EnergyKwh!.Value, 1e-12);
        Assert.Equal(EmissionBasis.Energy, F(FactorUse.RailElectric).Basis);
    }

    [Fact]
    public void DieselRail_FollowsTheDerivationOfARailDiesel()
    {
        // 41.5 Wh x 0.85 / 0.30 = 117.583 Wh = 0.42330 MJ per Ntkm; / 42.8 MJ/kg = 9.890 g diesel;
        // x 3.80 kg CO2e/kg = 37.58 g WTW, x 3.04 = 30.07 g TTW (EN 16258, B5).
        double dieselKgPerTkm = 41.5 * 0.85 / 0.30 * 3.6 / 1000 / 42.8;
        Assert.Equal(dieselKgPerTkm * 3.80, F(FactorUse.RailDiesel).Wtw!.Value, 5e-6);
        Assert.Equal(dieselKgPerTkm * 3.04, F(FactorUse.RailDiesel).Ttw!.Value, 5e-6);
    }

    [Fact]
    public void Truck_FollowsTheFuelRouteOfARoadFeuVkm()
    {
        // 33 l/100 km x 0.832 kg/l = 0.27456 kg diesel per vehicle-km.
        Assert.Equal(0.27456 * 3.80, F(FactorUse.RoadTruckFeu).Wtw!.Value, 5e-5);
        Assert.Equal(0.27456 * 3.04, F(FactorUse.RoadTruckFeu).Ttw!.Value, 5e-5);
    }

    [Theory]
    [InlineData(FactorUse.SeaAsiaNorthEurope)]
    [InlineData(FactorUse.SeaAsiaMediterranean)]
    [InlineData(FactorUse.SeaFeeder)]
    public void SeaLanes_AreTheMidpointOfTheTwoGlecLanesRetrieved_WithTheRoPaxTtwShare(FactorUse lane)
    {
        // A-SEA-LANES: (EF-11 0.0804 + GLEC31-EUR-AFR 0.0894) / 2; A-SEA-TTW: x 0.173 / 0.2029 (EF-09).
        Assert.Equal((0.0804 + 0.0894) / 2, F(lane).Wtw!.Value, 1e-12);
        Assert.Equal(0.0849 * 0.173 / 0.2029, F(lane).Ttw!.Value, 5e-6);
        Assert.True(F(lane).IsStandIn);
    }

    [Theory]
    [InlineData(FactorUse.FerryRoPax)]
    [InlineData(FactorUse.FerryRail)]
    public void Ferries_AreGlecRoPax10To20kGtMdo(FactorUse use)
    {
        // EF-08: 0.1248 WTW / 0.1064 TTW kg CO2e/tkm.
        Assert.Equal(0.1248, F(use).Wtw!.Value, 1e-12);
        Assert.Equal(0.1064, F(use).Ttw!.Value, 1e-12);
    }

    [Fact]
    public void InlandWaterway_IsEf06WithTheDieselWttShare()
    {
        Assert.Equal(0.0386, F(FactorUse.InlandWaterway).Ttw!.Value, 1e-12);
        Assert.Equal(0.0386 * 3.80 / 3.04, F(FactorUse.InlandWaterway).Wtw!.Value, 1e-6);
    }

    [Theory]
    [InlineData(FactorUse.HubPortHandling)]
    [InlineData(FactorUse.HubRailTerminal)]
    [InlineData(FactorUse.HubGaugeChange)]
    [InlineData(FactorUse.HubFerryTerminal)]
    public void Hubs_AreThreeMovesOfOneLitreDiesel(FactorUse use)
    {
        // A-HUB-MOVE: 3 x 1 l x 0.832 kg/l x 3.80 (WTW) / 3.04 (TTW).
        Assert.Equal(3 * 0.832 * 3.80, F(use).Wtw!.Value, 5e-4);
        Assert.Equal(3 * 0.832 * 3.04, F(use).Ttw!.Value, 5e-4);
        Assert.Equal(EmissionUnit.KgPerContainer, F(use).Unit);
    }

    [Theory]
    [InlineData("CN", 2024, 559.6)]
    [InlineData("CN", 2014, 693.7)]
    [InlineData("DE", 2023, 371.3)]
    [InlineData("BY", 2021, 433.2)]
    [InlineData("BY", 2024, 313.6)]
    [InlineData("KZ", 2024, 801.9)]
    [InlineData("GE", 2024, 143.1)]
    [InlineData("BE", 2024, 117.6)]
    [InlineData("RS", 2024, 670.8)]
    public void GridIntensities_AreTheEmberOwidValues(string country, int year, double gramsPerKwh)
    {
        Assert.True(Factors.Grid.TryGet(country, year, out double value, out int used));
        Assert.Equal(year, used);
        Assert.Equal(gramsPerKwh, value, 1e-9);
    }

    [Theory]
    [InlineData("UZ")]
    [InlineData("TM")]
    public void UzbekAndTurkmenGridValues_AreLeftOut(string country)
    {
        // Red flags: 1,097-1,150 and a constant 1,306 g/kWh exceed coal's lifecycle factor (GRID-EMBER-OWID).
        Assert.False(Factors.Grid.TryGet(country, 2023, out _, out _));
    }

    [Fact]
    public void CapeSpeedUplift_IsThePropellerLawOnTheReportedSpeeds()
    {
        // A-SEA-CAPE: (16 / 15.19)^2 (SEA-CAPE-SPEED).
        Assert.Equal(Math.Pow(16 / 15.19, 2), Factors.CapeSpeedUplift.Factor, 5e-5);
    }

    [Fact]
    public void EveryFactor_HasSourcesAUnitAndABasis()
    {
        Assert.All(Factors.Factors, f =>
        {
            Assert.NotEmpty(f.SourceIds);
            Assert.Equal(EmissionFactor.UnitFor(f.Use), f.Unit);
            Assert.Equal(EmissionFactor.BasisFor(f.Use), f.Basis);
            Assert.All(f.SourceIds, s => Assert.True(data.Network.TryGetSource(s, out _), s));
        });
    }
}
