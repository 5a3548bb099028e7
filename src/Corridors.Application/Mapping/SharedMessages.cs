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
    private static readonly ConditionalWeakTable<IMessage, Entry> Entries = new();

    private static readonly ConditionalWeakTable<string, Entry> Texts = new();

    /// <summary>The message's encoded bytes (without tag or length) when it is shared; null when it was written for one answer.</summary>
    public static ByteString? Encoded(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Entries.TryGetValue(message, out Entry? entry))
        {
            return null;
        }

        // Two threads may both encode it the first time: equal bytes, either kept.
        return entry.Bytes ??= UnsafeByteOperations.UnsafeWrap(message.ToByteArray());
    }

    /// <summary>Lists <paramref name="message"/> as shared; the writer promises never to modify it again.</summary>
    internal static T Share<T>(T message)
        where T : class, IMessage
    {
        Entries.AddOrUpdate(message, new Entry());
        return message;
    }

    /// <summary>
    /// The string's UTF-8 bytes when it is shared (what a string field carries after its tag and length); null when
    /// it was written for one answer.
    /// </summary>
    public static ByteString? EncodedText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Texts.TryGetValue(text, out Entry? entry))
        {
            return null;
        }

        return entry.Bytes ??= UnsafeByteOperations.UnsafeWrap(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Lists <paramref name="text"/> as shared between answers.</summary>
    internal static string ShareText(string text)
    {
        Texts.AddOrUpdate(text, new Entry());
        return text;
    }

    private sealed class Entry
    {
        public ByteString? Bytes { get; set; }
    }
}
