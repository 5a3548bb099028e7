using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Corridors.Application.Mapping;

/// <summary>
/// The messages the writers share between answers (a leg with its default-payload CO2e, an emission factor), which
/// are never modified once written: their protobuf bytes are worked out on first request and kept while the message
/// lives, so a transport can copy them into every answer instead of encoding them again. Messages written for one
/// answer (another payload's figures, a masked copy) are not listed. Long strings shared the same way (a route's
/// line) are listed too, with their UTF-8 bytes.
/// </summary>
public static class SharedMessages
{
    /// <summary>Shared messages and strings, each with its bytes once worked out.</summary>
    private static readonly ConditionalWeakTable<object, Entry> Entries = new();

    /// <summary>The message's encoded bytes (without tag or length) when it is shared; null when it was written for one answer.</summary>
    public static ByteString? Encoded(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Kept(message, static m => ((IMessage)m).ToByteArray());
    }

    /// <summary>
    /// The string's UTF-8 bytes when it is shared (what a string field carries after its tag and length); null when
    /// it was written for one answer.
    /// </summary>
    public static ByteString? EncodedText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Kept(text, static t => System.Text.Encoding.UTF8.GetBytes((string)t));
    }

    /// <summary>Lists <paramref name="message"/> as shared; the writer promises never to modify it again.</summary>
    internal static T Share<T>(T message)
        where T : class, IMessage
    {
        Entries.AddOrUpdate(message, new Entry());
        return message;
    }

    /// <summary>Lists <paramref name="text"/> as shared between answers.</summary>
    internal static string ShareText(string text)
    {
        Entries.AddOrUpdate(text, new Entry());
        return text;
    }

    private static ByteString? Kept(object shared, Func<object, byte[]> encode)
    {
        if (!Entries.TryGetValue(shared, out Entry? entry))
        {
            return null;
        }

        // Two threads may both encode it the first time: equal bytes, either kept.
        return entry.Bytes ??= UnsafeByteOperations.UnsafeWrap(encode(shared));
    }

    private sealed class Entry
    {
        public ByteString? Bytes { get; set; }
    }
}
