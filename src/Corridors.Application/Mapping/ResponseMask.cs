using System.Collections;
using Corridors.Application.Queries;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Corridors.Application.Mapping;

/// <summary>
/// A read mask (AIP-157 partial response): the fields of a response to return. Paths are field names joined by dots
/// (proto names, or the JSON names a query parameter carries), checked against the response's descriptor. A path into a repeated message field applies to each element,
/// with or without AIP-161's wildcard (<c>comparisons.transit_days</c> = <c>comparisons.*.transit_days</c>); no path
/// or <c>*</c> is the whole response. The writer asks <see cref="Wants"/> before writing a costly part, and
/// <see cref="Apply{T}"/> then copies exactly the fields named. It never modifies the written message: its parts may be
/// shared with other answers.
/// </summary>
public sealed class ResponseMask
{
    /// <summary>Every field.</summary>
    public static readonly ResponseMask All = new(null);

    /// <summary>The fields wanted below the root; null for all of them.</summary>
    private readonly Node? _root;

    private ResponseMask(Node? root) => _root = root;

    /// <summary>True when every field is returned (no mask, or <c>*</c>).</summary>
    public bool IsAll => _root is null;

    /// <summary>
    /// Reads <paramref name="mask"/> (the request's field <paramref name="field"/>) over the response type
    /// <typeparamref name="TResponse"/>; each path that names no field adds an INVALID_ARGUMENT error naming it, and the
    /// answer is then <see cref="All"/> (it is not used: the call fails). Without a mask the response's descriptor is
    /// never touched: building it (reflection over the generated code) would cost a CLI run a third of its time.
    /// </summary>
    public static ResponseMask Read<TResponse>(FieldMask? mask, string field, List<ContractError> errors)
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (mask is null || mask.Paths.Count == 0 || mask.Paths.Contains("*"))
        {
            return All;
        }

        MessageDescriptor response = new TResponse().Descriptor;

        var root = new Node();
        int before = errors.Count;
        foreach (string path in mask.Paths)
        {
            if (Problem(path, response, root) is { } problem)
            {
                errors.Add(ContractError.Invalid(field, $"\"{path}\" {problem}"));
            }
        }

        return errors.Count > before ? All : new ResponseMask(root);
    }

    /// <summary>
    /// True when any part of the field at <paramref name="path"/> (dotted field names, repeated fields included
    /// without a wildcard, e.g. <c>comparisons.legs</c>) is to be returned.
    /// </summary>
    public bool Wants(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Node? node = _root;
        foreach (string name in path.Split('.'))
        {
            if (node is null)
            {
                return true; // the whole field above is wanted
            }

            if (!node.Fields.TryGetValue(name, out Branch branch))
            {
                return false;
            }

            node = branch.Below;
        }

        return true;
    }

    /// <summary>A copy of <paramref name="message"/> holding only the masked fields (the message itself when all are).</summary>
    public T Apply<T>(T message)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(message);
        return _root is null ? message : (T)Copy(message, _root);
    }

    private static IMessage Copy(IMessage source, Node node)
    {
        IMessage target = source.Descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (Branch branch in node.Fields.Values)
        {
            FieldDescriptor field = branch.Field;
            IFieldAccessor accessor = field.Accessor;
            if (field.IsMap)
            {
                var into = (IDictionary)accessor.GetValue(target);
                foreach (DictionaryEntry entry in (IDictionary)accessor.GetValue(source))
                {
                    into[entry.Key] = entry.Value;
                }
            }
            else if (field.IsRepeated)
            {
                var into = (IList)accessor.GetValue(target);
                foreach (object? item in (IEnumerable)accessor.GetValue(source))
                {
                    into.Add(branch.Below is null ? item : Copy((IMessage)item!, branch.Below));
                }
            }
            else if (!field.HasPresence || accessor.HasValue(source))
            {
                object value = accessor.GetValue(source);
                accessor.SetValue(target, branch.Below is null ? value : Copy((IMessage)value, branch.Below));
            }
        }

        return target;
    }

    /// <summary>Adds <paramref name="path"/> to the tree under <paramref name="root"/>, or says why it names no field.</summary>
    private static string? Problem(string path, MessageDescriptor response, Node root)
    {
        string[] names = path.Split('.');
        MessageDescriptor message = response;
        Node node = root;
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            if (name.Length == 0)
            {
                return "has an empty field name";
            }

            // Proto names (transit_days), or JSON names (transitDays) as JSON transcoding passes a query parameter's paths.
            FieldDescriptor? field = message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);
            if (field is null)
            {
                return $"names no field: {message.Name} has no field {name}";
            }

            bool last = i == names.Length - 1;
            name = field.Name;
            if (!last && names[i + 1] == "*")
            {
                if (!field.IsRepeated || field.IsMap)
                {
                    return $"puts * after {name}, which is not a repeated field";
                }

                i++;
                last = i == names.Length - 1;
                if (last)
                {
                    return $"ends with *: name a field of {name} after it, or leave .* out for all of them";
                }
            }

            if (last)
            {
                node.Fields[name] = new Branch(field, null); // the whole field, whatever was asked below it
                return null;
            }

            if (field.FieldType != FieldType.Message || field.IsMap)
            {
                return $"goes below {name}, which has no fields";
            }

            if (node.Fields.TryGetValue(name, out Branch known) && known.Below is null)
            {
                return null; // already wanted whole
            }

            Node below = known.Below ?? new Node();
            node.Fields[name] = new Branch(field, below);
            node = below;
            message = field.MessageType;
        }

        return null;
    }

    /// <summary>A field wanted, and below it the fields wanted (null: all of them).</summary>
    private readonly record struct Branch(FieldDescriptor Field, Node? Below);

    private sealed class Node
    {
        public Dictionary<string, Branch> Fields { get; } = new(StringComparer.Ordinal);
    }
}
