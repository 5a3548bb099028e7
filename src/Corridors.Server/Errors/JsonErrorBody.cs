using System.Text.Json;
using Grpc.Core;

namespace Corridors.Server.Errors;

/// <summary>
/// An error written by the server itself on the JSON API, before any gRPC handler ran (access refused, body too
/// large): the same <c>{"code","message","details"}</c> body JSON transcoding writes for a handler's status.
/// </summary>
public static class JsonErrorBody
{
    public static Task WriteAsync(HttpResponse response, int httpStatus, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new { code = (int)code, message, details = Array.Empty<object>() }));
    }
}
