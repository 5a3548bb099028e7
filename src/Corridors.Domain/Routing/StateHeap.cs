namespace Corridors.Domain.Routing;

/// <summary>
/// Binary min-heap of search states keyed by cost, ties broken by state index so that the order of settlement
/// (and so the route) is deterministic. Lazy deletion: a state may be pushed again with a lower cost and the stale
/// entry is skipped by the caller. Reused across runs of one search instance.
/// </summary>
internal sealed class StateHeap
{
    private double[] _costs = new double[64];
    private int[] _states = new int[64];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(double cost, int state)
    {
        if (Count == _costs.Length)
        {
            Array.Resize(ref _costs, Count * 2);
            Array.Resize(ref _states, Count * 2);
        }

        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(cost, state, _costs[parent], _states[parent]))
            {
                break;
            }

            _costs[i] = _costs[parent];
            _states[i] = _states[parent];
            i = parent;
        }

        _costs[i] = cost;
        _states[i] = state;
    }

    public bool TryPop(out double cost, out int state)
    {
        if (Count == 0)
        {
            cost = 0;
            state = -1;
            return false;
        }

        cost = _costs[0];
        state = _states[0];
        Count--;
        if (Count > 0)
        {
            double lastCost = _costs[Count];
            int lastState = _states[Count];
            int i = 0;
            while (true)
            {
                int child = (i << 1) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && Less(_costs[child + 1], _states[child + 1], _costs[child], _states[child]))
                {
                    child++;
                }

                if (!Less(_costs[child], _states[child], lastCost, lastState))
                {
                    break;
                }

                _costs[i] = _costs[child];
                _states[i] = _states[child];
                i = child;
            }

            _costs[i] = lastCost;
            _states[i] = lastState;
        }

        return true;
    }

    private static bool Less(double costA, int stateA, double costB, int stateB) =>
        costA < costB || (costA == costB && stateA < stateB);
}
