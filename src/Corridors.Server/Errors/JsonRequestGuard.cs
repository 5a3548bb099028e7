using Corridors.Server.Options;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Corridors.Server.Errors;

/// <summary>
/// The JSON API's door (<c>/v1/…</c>): a body over <see cref="CorridorsServerOptions.MaxRequestMessageBytes"/> gets
/// 413 before it is parsed (by its Content-Length before a byte is read; a chunked body is read up to the limit first), and a request the
/// transcoder refuses before any handler ran (broken JSON, a path value of the wrong type) is logged by
/// <see cref="MalformedRequestLog"/>. gRPC calls have their own receive limit (RESOURCE_EXHAUSTED).
/// </summary>
public sealed class JsonRequestGuard(RequestDelegate next, MalformedRequestLog log, IOptions<CorridorsServerOptions> options)
{
    private static readonly object HandlerRanKey = new();

    /// <summary>Marks the call's request as read and handed to a handler (called by <see cref="ErrorInterceptor"/>).</summary>
    public static void HandlerRan(ServerCallContext context) =>
        context.UserState[HandlerRanKey] = true;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long limit = options.Value.MaxRequestMessageBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit).ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength is null && !HttpMethods.IsGet(context.Request.Method))
        {
            // A chunked body: read it here, up to the limit, so an oversized one is a 413 and not the transcoder's 400.
            var body = new MemoryStream();
            if (!await CopyUpToAsync(context.Request.Body, body, limit, context.RequestAborted).ConfigureAwait(false))
            {
                await TooLargeAsync(context, limit).ConfigureAwait(false);
                return;
            }

            body.Position = 0;
            context.Request.Body = body;
            context.Request.ContentLength = body.Length;
        }

        await next(context).ConfigureAwait(false);

        if (context.Response.StatusCode == StatusCodes.Status400BadRequest &&
            context.Features.Get<IServerCallContextFeature>()?.ServerCallContext.UserState.ContainsKey(HandlerRanKey) != true)
        {
            log.Refused($"{context.Request.Method} {context.Request.Path}", "the body or path is not a valid request for this method");
        }
    }

    private static async Task<bool> CopyUpToAsync(Stream from, MemoryStream to, long limit, CancellationToken cancellation)
    {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
        {
            if (to.Length + read > limit)
            {
                return false;
            }

            to.Write(buffer, 0, read);
        }

        return true;
    }

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Connection.RequestClose(); // do not drain an unread body
        return JsonErrorBody.WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted,
            $"the request body is larger than {limit} bytes (Corridors:MaxRequestMessageBytes)");
    }
}
