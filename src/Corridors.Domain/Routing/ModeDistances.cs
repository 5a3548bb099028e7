using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Corridors.Domain.Network;

namespace Corridors.Domain.Routing;

/// <summary>
/// A route's km per transport mode: the modes it uses in ascending order, as a sorted dictionary would enumerate
/// them, in two small arrays instead of a tree of nodes (a route uses two or three of the five modes).
/// </summary>
internal sealed class ModeDistances : IReadOnlyDictionary<TransportMode, double>
{
    private readonly TransportMode[] _modes;
    private readonly double[] _km;

    /// <param name="modes">Distinct, ascending.</param>
    /// <param name="km">Km of each mode, same order.</param>
    public ModeDistances(TransportMode[] modes, double[] km)
    {
        _modes = modes;
        _km = km;
    }

    public int Count => _modes.Length;

    public double this[TransportMode key] => TryGetValue(key, out double km) ? km : throw new KeyNotFoundException($"The route has no {key} km.");

    public IEnumerable<TransportMode> Keys => _modes;

    public IEnumerable<double> Values => _km;

    public bool ContainsKey(TransportMode key) => Array.IndexOf(_modes, key) >= 0;

    public bool TryGetValue(TransportMode key, [MaybeNullWhen(false)] out double value)
    {
        int i = Array.IndexOf(_modes, key);
        value = i >= 0 ? _km[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<TransportMode, double>> GetEnumerator()
    {
        for (int i = 0; i < _modes.Length; i++)
        {
            yield return new KeyValuePair<TransportMode, double>(_modes[i], _km[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
