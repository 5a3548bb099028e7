using Corridors.Domain.Capacity;

namespace Corridors.Domain.Tests.Capacity;

/// <summary>
/// The LP of <see cref="VolumeAssignment"/> (OR-Tools GLOP) against its invariants on random instances and against
/// an independent brute force on small ones. Seeded: the same instances every run.
/// </summary>
public sealed class VolumeAssignmentTests
{
    private const double Tolerance = 1e-6;

    /// <summary>A random instance: 1–4 pairs, 1–4 options each loading 0–2 of 1–4 bottlenecks, some uncapacitated.</summary>
    private static AssignmentProblem RandomProblem(Random random, int maxBottlenecksPerOption = 2)
    {
        int pairs = random.Next(1, 5);
        int bottlenecks = random.Next(1, 5);
        var options = new List<AssignmentOption>();
        for (int p = 0; p < pairs; p++)
        {
            int count = random.Next(1, 5);
            for (int o = 0; o < count; o++)
            {
                int loads = random.Next(0, maxBottlenecksPerOption + 1);
                int[] used = [.. Enumerable.Range(0, loads).Select(_ => random.Next(bottlenecks)).Distinct()];
                options.Add(new AssignmentOption(p, random.Next(1, 40), used));
            }
        }

        double[] demands = [.. Enumerable.Range(0, pairs).Select(_ => (double)random.Next(0, 2_000_000))];
        double[] capacities = [.. Enumerable.Range(0, bottlenecks).Select(_ => random.Next(4) == 0 ? double.PositiveInfinity : random.Next(0, 1_500_000))];
        return new AssignmentProblem(demands, options, capacities, 100);
    }

    [Fact]
    public void RandomVolumes_FlowsNeverExceedCapacities_AndEveryPairsFlowPlusUnservedIsItsDemand()
    {
        var random = new Random(20261202);
        for (int run = 0; run < 300; run++)
        {
            AssignmentProblem problem = RandomProblem(random);
            AssignmentSolution solution = VolumeAssignment.Solve(problem);
            for (int b = 0; b < problem.Capacities.Count; b++)
            {
                double load = problem.Options.Select((o, i) => o.Bottlenecks.Contains(b) ? solution.OptionFlows[i] : 0).Sum();
                Assert.Equal(load, solution.Loads[b], 1e-3);
                Assert.True(load <= problem.Capacities[b] + 1e-3, $"run {run}: bottleneck {b} carries {load} > {problem.Capacities[b]}");
            }

            for (int p = 0; p < problem.Demands.Count; p++)
            {
                double served = problem.Options.Select((o, i) => o.Pair == p ? solution.OptionFlows[i] : 0).Sum();
                Assert.Equal(problem.Demands[p], served + solution.Unserved[p], 1e-3);
            }

            Assert.All(solution.OptionFlows, f => Assert.True(f >= 0));
            Assert.All(solution.ShadowPrices, s => Assert.True(s >= 0));
        }
    }

    /// <summary>
    /// With every option loading at most one bottleneck the constraint matrix is an incidence matrix (totally
    /// unimodular), so integer demands and capacities have an integer optimum: enumerating every integer split
    /// gives the optimum independently of any LP code.
    /// </summary>
    [Fact]
    public void SmallInstances_OrToolsOptimumEqualsBruteForceOverEveryIntegerSplit()
    {
        var random = new Random(15);
        for (int run = 0; run < 200; run++)
        {
            int pairs = random.Next(1, 3);
            int bottlenecks = random.Next(1, 3);
            var options = new List<AssignmentOption>();
            for (int p = 0; p < pairs; p++)
            {
                int count = random.Next(1, 4);
                for (int o = 0; o < count; o++)
                {
                    options.Add(new AssignmentOption(p, random.Next(1, 20), random.Next(3) == 0 ? [] : [random.Next(bottlenecks)]));
                }
            }

            double[] demands = [.. Enumerable.Range(0, pairs).Select(_ => (double)random.Next(0, 5))];
            double[] capacities = [.. Enumerable.Range(0, bottlenecks).Select(_ => (double)random.Next(0, 5))];
            var problem = new AssignmentProblem(demands, options, capacities, 50);

            double lp = VolumeAssignment.Solve(problem).TotalCost;
            Assert.Equal(BruteForce(problem), lp, 1e-6);
        }
    }

    [Fact]
    public void ShadowPrice_IsTheCostSavedByOneMoreUnitOfCapacity_AsReSolvingShows()
    {
        // Two routes: a 10-day route through a bottleneck of 100 and a 25-day route without one; 300 to ship.
        var problem = new AssignmentProblem([300], [new AssignmentOption(0, 10, [0]), new AssignmentOption(0, 25, [])], [100], 1000);
        AssignmentSolution solution = VolumeAssignment.Solve(problem);
        AssignmentSolution plusOne = VolumeAssignment.Solve(problem with { Capacities = [101] });

        Assert.Equal(100, solution.OptionFlows[0], Tolerance);
        Assert.Equal(200, solution.OptionFlows[1], Tolerance);
        Assert.Equal(15, solution.ShadowPrices[0], Tolerance);
        Assert.Equal(solution.TotalCost - plusOne.TotalCost, solution.ShadowPrices[0], Tolerance);
    }

    [Fact]
    public void NoRouteAtAll_LeavesTheWholeDemandUnserved_AtThePenalty()
    {
        var problem = new AssignmentProblem([500], [], [], 60);
        AssignmentSolution solution = VolumeAssignment.Solve(problem);
        Assert.Equal(500, solution.Unserved[0], Tolerance);
        Assert.Equal(500 * 60, solution.TotalCost, 1e-6);
    }

    [Fact]
    public void FullBottleneckWithoutAlternative_LeavesTheExcessUnserved_AndItsShadowPriceIsPenaltyMinusCost()
    {
        var problem = new AssignmentProblem([300], [new AssignmentOption(0, 10, [0])], [100], 60);
        AssignmentSolution solution = VolumeAssignment.Solve(problem);
        Assert.Equal(100, solution.OptionFlows[0], Tolerance);
        Assert.Equal(200, solution.Unserved[0], Tolerance);
        Assert.Equal(50, solution.ShadowPrices[0], Tolerance);
    }

    private static double BruteForce(AssignmentProblem problem)
    {
        var flows = new int[problem.Options.Count];
        double best = double.PositiveInfinity;

        void Visit(int option)
        {
            if (option == flows.Length)
            {
                double cost = 0;
                for (int p = 0; p < problem.Demands.Count; p++)
                {
                    int served = Enumerable.Range(0, flows.Length).Where(o => problem.Options[o].Pair == p).Sum(o => flows[o]);
                    if (served > problem.Demands[p])
                    {
                        return;
                    }

                    cost += (problem.Demands[p] - served) * problem.UnservedCostPerTeu;
                }

                for (int b = 0; b < problem.Capacities.Count; b++)
                {
                    if (Enumerable.Range(0, flows.Length).Where(o => problem.Options[o].Bottlenecks.Contains(b)).Sum(o => flows[o]) > problem.Capacities[b])
                    {
                        return;
                    }
                }

                best = Math.Min(best, cost + Enumerable.Range(0, flows.Length).Sum(o => flows[o] * problem.Options[o].CostPerTeu));
                return;
            }

            for (int f = 0; f <= problem.Demands[problem.Options[option].Pair]; f++)
            {
                flows[option] = f;
                Visit(option + 1);
            }

            flows[option] = 0;
        }

        Visit(0);
        return best;
    }
}
