using Corridors.Application.Mapping;
using Corridors.Domain.Network;
using Corridors.Domain.Routing;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Tests.Mapping;

/// <summary>Leg messages are shared between answers over the same leg and figures, and only then.</summary>
public sealed class ResponseWriterTests
{
    private static RouteQuery Query(Domain.Emissions.Payload? payload = null) => new()
    {
        Origin = new PlaceId("xian"),
        Destination = new PlaceId("duisburg"),
        Payload = payload,
        Constraints = new RouteConstraints { AsOf = RealNetwork.ReviewDay },
    };

    private static V1.CompareCorridorsResponse Answer(RouteQuery query) =>
        ResponseWriter.ToResponse(RealNetwork.Router.Compare(query).Value!, RealNetwork.Router.Freshness);

    [Fact]
    public void SameQueryTwice_SameAnswer_WithTheLegMessagesShared()
    {
        V1.CompareCorridorsResponse first = Answer(Query());
        V1.CompareCorridorsResponse second = Answer(Query());

        Assert.Equal(first, second);
        V1.RouteLeg[] legs = [.. first.Comparisons.SelectMany(c => c.Legs)];
        V1.RouteLeg[] again = [.. second.Comparisons.SelectMany(c => c.Legs)];
        Assert.True(legs.Length > 100, $"{legs.Length} legs");
        Assert.All(legs.Zip(again), pair => Assert.Same(pair.First, pair.Second));

        V1.HubCo2e[] hubs = [.. first.Comparisons.SelectMany(c => c.Co2E.Hubs)];
        Assert.True(hubs.Length >= 10, $"{hubs.Length} hubs");
        Assert.All(hubs.Zip(second.Comparisons.SelectMany(c => c.Co2E.Hubs)), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(hubs, hub => Assert.Equal(Google.Protobuf.MessageExtensions.ToByteString(hub), SharedMessages.Encoded(hub)));
    }

    [Fact]
    public void ALegSeenWithManyFigures_KeepsTheNewest32Messages_AndWritesAnOlderOneAgainAlike()
    {
        Route route = RealNetwork.Router.Compare(Query()).Value!.Comparisons.First(c => c.Answer.Route is not null).Answer.Route!;
        RouteLeg leg = route.Legs[0] with { }; // a copy: its messages are its own, whatever other tests ask of the shared leg meanwhile
        Domain.Emissions.LegEmissions figure = route.Emissions!.Legs[0];
        Domain.Emissions.LegEmissions[] figures = [.. Enumerable.Range(1, 40).Select(i => figure with { WtwKg = i, Kept = true })];

        V1.RouteLeg[] messages = [.. figures.Select(f => ResponseWriter.ToLeg(leg, f))];

        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(i + 1, messages[i].Co2EKg, 1e-9));
        Assert.All(Enumerable.Range(8, 32), i => Assert.Same(messages[i], ResponseWriter.ToLeg(leg, figures[i])));
        V1.RouteLeg rewritten = ResponseWriter.ToLeg(leg, figures[0]); // dropped as the 33rd newest: written again, equal
        Assert.NotSame(messages[0], rewritten);
        Assert.Equal(messages[0], rewritten);
        Assert.Same(rewritten, ResponseWriter.ToLeg(leg, figures[0]));
    }

    [Fact]
    public void SuezAndCapeRoutes_KeepTheirOwnMessagesForTheSeaLegsTheyShare()
    {
        V1.CompareCorridorsResponse first = Answer(Query());
        V1.CompareCorridorsResponse second = Answer(Query());

        V1.RouteLeg[] Legs(V1.CompareCorridorsResponse answer, string corridor) => [.. answer.Comparisons.Single(c => c.CorridorId == corridor).Legs];
        V1.RouteLeg suez = Legs(first, "maritime").First(l => l.LinkId == "singapore-malacca");
        V1.RouteLeg cape = Legs(first, "maritime-cape").First(l => l.LinkId == "singapore-malacca");

        Assert.NotEqual(suez.Co2E, cape.Co2E); // one domain leg, two CO2e figures (each route's own sea context)
        Assert.Same(suez, Legs(second, "maritime").First(l => l.LinkId == "singapore-malacca"));
        Assert.Same(cape, Legs(second, "maritime-cape").First(l => l.LinkId == "singapore-malacca"));
    }

    [Fact]
    public void AnotherPayload_GetsItsOwnLegFigures_AndTheDefaultsStayAsTheyWere()
    {
        V1.CompareCorridorsResponse standard = Answer(Query());
        Domain.Emissions.Payload tenTonnes = RealNetwork.Router.Dataset.EmissionFactors.DefaultPayload.WithCargoTonnes(10);

        V1.CompareCorridorsResponse light = Answer(Query(tenTonnes));
        V1.CompareCorridorsResponse again = Answer(Query());

        V1.RouteLeg standardLeg = standard.Comparisons.Single(c => c.CorridorId == "northern").Legs[0];
        V1.RouteLeg lightLeg = light.Comparisons.Single(c => c.CorridorId == "northern").Legs[0];
        Assert.Equal("xian", standardLeg.From.Id);
        Assert.Equal(standardLeg.LinkId, lightLeg.LinkId);
        Assert.NotEqual(standardLeg.Co2EKg, lightLeg.Co2EKg);
        V1.HubCo2e lightHub = light.Comparisons.Single(c => c.CorridorId == "northern").Co2E.Hubs[0];
        Assert.Null(SharedMessages.Encoded(lightHub)); // another payload's hub: written for its answer alone (a per-container figure, so equal)
        Assert.Equal(standard.Comparisons.Single(c => c.CorridorId == "northern").Co2E.Hubs[0], lightHub);
        Assert.Equal(standard, again);
    }
}
