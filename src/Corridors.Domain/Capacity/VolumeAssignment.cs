using Google.OrTools.LinearSolver;

namespace Corridors.Domain.Capacity;

/// <summary>One way a pair's volume can go: its cost per TEU and the bottlenecks it loads (indices into the capacities).</summary>
public sealed record AssignmentOption(int Pair, double CostPerTeu, IReadOnlyList<int> Bottlenecks);

/// <summary>
/// A volume assignment problem: demands per pair (TEU/yr), options per pair, capacities per bottleneck (TEU/yr;
/// +∞ for none) and the cost of leaving a TEU unserved (it must exceed every option's cost so that any route is
/// preferred to none).
/// </summary>
public sealed record AssignmentProblem(
    IReadOnlyList<double> Demands,
    IReadOnlyList<AssignmentOption> Options,
    IReadOnlyList<double> Capacities,
    double UnservedCostPerTeu);

/// <summary>
/// The optimum: flow per option and unserved per pair (TEU/yr), load per bottleneck, and each capacity row's shadow
/// price — the cost saved per year by one more TEU/yr of capacity (the negated LP dual; 0 when not binding).
/// </summary>
public sealed record AssignmentSolution(
    IReadOnlyList<double> OptionFlows,
    IReadOnlyList<double> Unserved,
    IReadOnlyList<double> Loads,
    IReadOnlyList<double> ShadowPrices,
    double TotalCost);

/// <summary>
/// Solves the volume assignment as a linear programme with Google OR-Tools' GLOP:
/// minimise Σ cost·flow + penalty·unserved, subject to Σ flow + unserved = demand per pair and Σ flow over the
/// options loading a bottleneck ≤ its capacity. Always feasible (anything can go unserved). Shadow prices are the
/// LP duals of the capacity rows. Deterministic: the same problem gives the same answer.
/// </summary>
public static class VolumeAssignment
{
    /// <summary>A bottleneck counts as binding when its load is within this share of its capacity and its dual is non-zero.</summary>
    public const double BindingTolerance = 1e-6;

    public static AssignmentSolution Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!(problem.UnservedCostPerTeu > 0) || !double.IsFinite(problem.UnservedCostPerTeu))
        {
            throw new ArgumentOutOfRangeException(nameof(problem), problem.UnservedCostPerTeu, "The unserved cost must be finite and above 0.");
        }

        using Solver solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available.");
        int pairs = problem.Demands.Count;
        var flow = new Variable[problem.Options.Count];
        var unserved = new Variable[pairs];
        Objective objective = solver.Objective();
        var demandRows = new Constraint[pairs];
        for (int p = 0; p < pairs; p++)
        {
            double demand = problem.Demands[p];
            if (!(demand >= 0) || !double.IsFinite(demand))
            {
                throw new ArgumentOutOfRangeException(nameof(problem), demand, $"Demand of pair {p} must be finite and at least 0.");
            }

            unserved[p] = solver.MakeNumVar(0, double.PositiveInfinity, $"u{p}");
            objective.SetCoefficient(unserved[p], problem.UnservedCostPerTeu);
            demandRows[p] = solver.MakeConstraint(demand, demand, $"d{p}");
            demandRows[p].SetCoefficient(unserved[p], 1);
        }

        var capacityRows = new Constraint?[problem.Capacities.Count];
        for (int b = 0; b < capacityRows.Length; b++)
        {
            double capacity = problem.Capacities[b];
            if (double.IsNaN(capacity) || capacity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(problem), capacity, $"Capacity {b} must be at least 0 (+∞ for none).");
            }

            capacityRows[b] = double.IsPositiveInfinity(capacity) ? null : solver.MakeConstraint(double.NegativeInfinity, capacity, $"c{b}");
        }

        for (int o = 0; o < flow.Length; o++)
        {
            AssignmentOption option = problem.Options[o];
            flow[o] = solver.MakeNumVar(0, double.PositiveInfinity, $"x{o}");
            objective.SetCoefficient(flow[o], option.CostPerTeu);
            demandRows[option.Pair].SetCoefficient(flow[o], 1);
            foreach (int b in option.Bottlenecks.Distinct())
            {
                capacityRows[b]?.SetCoefficient(flow[o], 1);
            }
        }

        objective.SetMinimization();
        Solver.ResultStatus status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // The problem is always feasible and bounded (unserved absorbs any demand at a finite cost), so anything
            // else is a solver failure, not an answer.
            throw new InvalidOperationException($"GLOP returned {status} for a feasible, bounded assignment.");
        }

        double[] flows = [.. flow.Select(v => Math.Max(0, v.SolutionValue()))];
        double[] left = [.. unserved.Select(v => Math.Max(0, v.SolutionValue()))];
        var loads = new double[capacityRows.Length];
        for (int o = 0; o < flows.Length; o++)
        {
            foreach (int b in problem.Options[o].Bottlenecks.Distinct())
            {
                loads[b] += flows[o];
            }
        }

        // GLOP's dual of a ≤ row in a minimisation is ≤ 0: one more unit of capacity changes the cost by the dual.
        double[] shadow = [.. capacityRows.Select(row => row is null ? 0 : Math.Max(0, -row.DualValue()))];
        return new AssignmentSolution(flows, left, loads, shadow, objective.Value());
    }
}
