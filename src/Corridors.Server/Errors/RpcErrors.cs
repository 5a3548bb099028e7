using Corridors.Application.Queries;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Corridors.Server.Errors;

/// <summary>
/// The one place where bad input becomes an RPC status, as a rich <c>google.rpc.Status</c> (read it on the client
/// with <c>RpcException.GetRpcStatus()</c>):
/// <list type="bullet">
/// <item>INVALID_ARGUMENT when any field is malformed or out of range, NOT_FOUND when every problem is an unknown or
/// ambiguous place or corridor;</item>
/// <item><c>google.rpc.BadRequest</c> with one field violation per bad field (proto field paths such as
/// <c>constraints.avoid_countries[0]</c>);</item>
/// <item><c>google.rpc.ErrorInfo</c> (domain <c>corridors.v1</c>) whose reason is the first error's
/// (<c>PLACE_AMBIGUOUS</c>, <c>PLACE_NOT_FOUND</c>, <c>CORRIDOR_NOT_FOUND</c>, <c>INVALID_FIELD</c>) and whose metadata
/// maps each field that has candidates to their comma-separated ids.</item>
/// </list>
/// </summary>
public static class RpcErrors
{
    public const string ErrorDomain = "corridors.v1";

    /// <summary>Returns the response, or throws the status for its errors.</summary>
    public static T Unwrap<T>(ContractResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess ? result.Value : throw ToRpcException(result.Errors);
    }

    public static RpcException ToRpcException(IReadOnlyList<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }

        bool invalid = errors.Any(e => e.Kind == ContractErrorKind.InvalidArgument);
        Code code = invalid ? Code.InvalidArgument : Code.NotFound;
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(errors.Select(e => new BadRequest.Types.FieldViolation
        {
            Field = e.Field,
            Description = e.Description,
            Reason = e.Reason,
        }));

        ContractError first = invalid ? errors.First(e => e.Kind == ContractErrorKind.InvalidArgument) : errors[0];
        var info = new ErrorInfo { Domain = ErrorDomain, Reason = first.Reason };
        foreach (ContractError error in errors.Where(e => e.Candidates.Count > 0))
        {
            info.Metadata[error.Field] = string.Join(",", error.Candidates.Select(c => c.Id));
        }

        string message = errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} problems: " + string.Join("; ", errors.Select(e => e.ToString()));
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(badRequest), Any.Pack(info) },
        };
        return status.ToRpcException();
    }
}
