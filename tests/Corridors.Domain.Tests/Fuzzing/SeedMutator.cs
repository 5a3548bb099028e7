using System.Text;

namespace Corridors.Domain.Tests.Fuzzing;

/// <summary>One input made from a seed, with the recipe that made it (to name it in a failure).</summary>
internal sealed record Mutant(string Recipe, byte[] Bytes);

/// <summary>
/// A deterministic stand-in for AFL in CI: from a seeded <see cref="Random"/>, turns seed files into malformed
/// inputs of the kinds that break loaders — bit flips, truncations, inserted and deleted bytes, JSON tokens
/// deleted, duplicated or swapped for another kind of value, huge and tiny numbers, deep nesting, invalid UTF-8,
/// byte order marks and splices of two seeds. The same seeds and seed number give the same inputs on every machine.
/// </summary>
internal sealed class SeedMutator
{
    /// <summary>Values put in place of a JSON token: other types, extreme numbers, awkward strings.</summary>
    private static readonly string[] Replacements =
    [
        "null", "true", "{}", "[]", "[null]", "0", "-1", "\"\"", "\" \"", "[1]", "[{}]", "{\"a\":1}",
        "1e309", "-1e309", "1e-400", "-0", "99999999999999999999999999999", "2147483648", "-2147483649",
        "1.7976931348623157e308", "4.9e-324", "0.1e1", "NaN", "Infinity",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"1970-01-01\"", "\"9999-12-31\"", "\"2024-02-30\"",
        "\"" + new string('a', 300) + "\"", "\"" + new string('Z', 70_000) + "\"",
    ];

    /// <summary>Byte sequences that are not UTF-8: a lone continuation byte, overlong, surrogate, truncated, beyond U+10FFFF.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly byte[][] ByteOrderMarks =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF],
    ];

    private static readonly byte[] Structural = "{}[],:\"\\ \n0-.e"u8.ToArray();

    private readonly Random _random;

    /// <param name="seed">The seed of the random choices; fixed in tests so that every run sees the same inputs.</param>
    public SeedMutator(int seed) => _random = new Random(seed);

    /// <summary>
    /// Exactly <paramref name="count"/> inputs: the seeds themselves, then truncations of each at every Nth byte
    /// (about <paramref name="truncationsPerSeed"/> of them), then stacks of one to three random mutations.
    /// </summary>
    public List<Mutant> Mutants(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int count, int truncationsPerSeed = 20)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var inputs = new List<Mutant>(count);
        inputs.AddRange(seeds.Select(s => new Mutant(s.Name, s.Bytes)));
        foreach ((string name, byte[] bytes) in seeds)
        {
            int step = Math.Max(1, bytes.Length / truncationsPerSeed);
            for (int length = 0; length < bytes.Length; length += step)
            {
                inputs.Add(new Mutant($"{name} cut at {length}", bytes[..length]));
            }
        }

        while (inputs.Count < count)
        {
            (string name, byte[] bytes) = seeds[_random.Next(seeds.Count)];
            var recipe = new StringBuilder(name);
            int steps = 1 + _random.Next(3);
            for (int i = 0; i < steps; i++)
            {
                bytes = Mutate(bytes, seeds, recipe);
            }

            inputs.Add(new Mutant(recipe.ToString(), bytes));
        }

        return inputs.Count > count ? inputs.GetRange(0, count) : inputs;
    }

    private byte[] Mutate(byte[] input, IReadOnlyList<(string Name, byte[] Bytes)> seeds, StringBuilder recipe)
    {
        List<Token> tokens = Token.Scan(input);
        int position = _random.Next(input.Length + 1);
        switch (_random.Next(11))
        {
            case 0 when input.Length > 0:
            {
                byte[] copy = [.. input];
                int flips = 1 + _random.Next(8);
                for (int i = 0; i < flips; i++)
                {
                    int at = _random.Next(copy.Length);
                    copy[at] ^= (byte)(1 << _random.Next(8));
                }

                recipe.Append($" | {flips} bit flips");
                return copy;
            }

            case 1:
            {
                byte value = _random.Next(2) == 0 ? Structural[_random.Next(Structural.Length)] : (byte)_random.Next(256);
                recipe.Append($" | byte 0x{value:X2} inserted at {position}");
                return [.. input[..position], value, .. input[position..]];
            }

            case 2 when input.Length > 0:
            {
                int at = _random.Next(input.Length);
                int length = 1 + _random.Next(Math.Min(16, input.Length - at));
                recipe.Append($" | {length} bytes deleted at {at}");
                return [.. input[..at], .. input[(at + length)..]];
            }

            case 3 when tokens.Count > 0:
            {
                int first = _random.Next(tokens.Count);
                int last = Math.Min(tokens.Count - 1, first + _random.Next(4));
                recipe.Append($" | tokens {first}..{last} deleted");
                return [.. input[..tokens[first].Start], .. input[tokens[last].End..]];
            }

            case 4 when tokens.Count > 0:
            {
                int first = _random.Next(tokens.Count);
                int last = Math.Min(tokens.Count - 1, first + _random.Next(6));
                byte[] span = input[tokens[first].Start..tokens[last].End];
                recipe.Append($" | tokens {first}..{last} duplicated");
                return [.. input[..tokens[last].End], .. span, .. input[tokens[last].End..]];
            }

            case 5 when tokens.Count > 0:
            {
                Token token = PickValue(tokens);
                string replacement = Replacements[_random.Next(Replacements.Length)];
                recipe.Append($" | token {token.Start} replaced by {(replacement.Length > 40 ? $"a string of {replacement.Length - 2} chars" : replacement)}");
                return Replace(input, token, Encoding.UTF8.GetBytes(replacement));
            }

            case 6 when tokens.Count > 0:
            {
                Token token = PickValue(tokens);
                int depth = _random.Next(4) switch { 0 => 63, 1 => 64, 2 => 65, _ => 10_000 };
                bool arrays = _random.Next(2) == 0;
                string open = arrays ? "[" : "{\"a\":";
                string close = arrays ? "]" : "}";
                string nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                recipe.Append($" | token {token.Start} nested {depth} deep in {(arrays ? "arrays" : "objects")}");
                return Replace(input, token, Encoding.UTF8.GetBytes(nested));
            }

            case 7:
            {
                byte[] bad = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
                recipe.Append($" | invalid UTF-8 {Convert.ToHexString(bad)} at {position}");
                return [.. input[..position], .. bad, .. input[position..]];
            }

            case 8:
            {
                byte[] mark = ByteOrderMarks[_random.Next(ByteOrderMarks.Length)];
                recipe.Append($" | byte order mark {Convert.ToHexString(mark)}");
                return [.. mark, .. input];
            }

            case 9:
            {
                (string otherName, byte[] other) = seeds[_random.Next(seeds.Count)];
                int cut = _random.Next(other.Length + 1);
                recipe.Append($" | spliced at {position} with {otherName} from {cut}");
                return [.. input[..position], .. other[cut..]];
            }

            case 10 when tokens.Count > 0:
            {
                // A value of the seeds in another place: real ids, dates and numbers where the reader expects others.
                (_, byte[] other) = seeds[_random.Next(seeds.Count)];
                List<Token> donors = Token.Scan(other);
                if (donors.Count == 0)
                {
                    return input;
                }

                Token donor = PickValue(donors);
                Token token = PickValue(tokens);
                recipe.Append($" | token {token.Start} swapped for a seed token");
                return Replace(input, token, other[donor.Start..donor.End]);
            }

            default:
                recipe.Append($" | truncated at {position}");
                return input[..position];
        }
    }

    /// <summary>A string, number or literal token when there is one near a random place, else any token.</summary>
    private Token PickValue(List<Token> tokens)
    {
        int start = _random.Next(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[(start + i) % tokens.Count];
            if (!token.Punctuation)
            {
                return token;
            }
        }

        return tokens[start];
    }

    private static byte[] Replace(byte[] input, Token token, byte[] replacement) =>
        [.. input[..token.Start], .. replacement, .. input[token.End..]];

    /// <summary>A rough JSON token (a string with its quotes, a punctuation mark, or a run of other bytes).</summary>
    private readonly record struct Token(int Start, int End, bool Punctuation)
    {
        public static List<Token> Scan(byte[] text)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                byte b = text[i];
                if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                {
                    i++;
                }
                else if (b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':')
                {
                    tokens.Add(new Token(i, i + 1, Punctuation: true));
                    i++;
                }
                else if (b == (byte)'"')
                {
                    int end = i + 1;
                    while (end < text.Length && text[end] != (byte)'"')
                    {
                        end += text[end] == (byte)'\\' ? 2 : 1;
                    }

                    end = Math.Min(end + 1, text.Length);
                    tokens.Add(new Token(i, end, Punctuation: false));
                    i = end;
                }
                else
                {
                    int end = i;
                    while (end < text.Length && text[end] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'{'
                               or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"'))
                    {
                        end++;
                    }

                    tokens.Add(new Token(i, end, Punctuation: false));
                    i = end;
                }
            }

            return tokens;
        }
    }
}
