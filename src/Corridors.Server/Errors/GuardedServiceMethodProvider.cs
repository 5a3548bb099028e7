using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace Corridors.Server.Errors;

/// <summary>
/// Binds every gRPC service's methods as grpc-dotnet's own binder does (the generated <c>BindService</c>, the
/// service's and the method's attributes as endpoint metadata), but with request deserializers that turn a body that
/// is not a valid message — truncated protobuf, a wrong wire type, invalid UTF-8 in a string — into INVALID_ARGUMENT
/// with a short message, logged once at Warning by <see cref="MalformedRequestLog"/>. Without it grpc-dotnet answers
/// UNKNOWN "Exception was thrown by handler." and logs a stack trace per request. It replaces the default binder
/// (<see cref="GuardedServiceMethods.UseGuardedServiceMethods"/>); JSON transcoding keeps its own provider.
/// </summary>
public sealed class GuardedServiceMethodProvider<TService>(MalformedRequestLog log) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        BindServiceMethodAttribute? binding = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true);
        MethodInfo? bind = binding?.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static).SingleOrDefault(m =>
            m.Name == binding.BindMethodName && m.GetParameters() is [{ ParameterType: var binder }, _] && binder == typeof(ServiceBinderBase));
        bind?.Invoke(null, [new Binder(context, log), null]); // a null implementation: the service comes from DI per call
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, MalformedRequestLog log) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Guard(method), Metadata(method, out MethodInfo target),
                target.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Guard(method), Metadata(method, out MethodInfo target),
                target.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Guard(method), Metadata(method, out MethodInfo target),
                target.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Guard(method), Metadata(method, out MethodInfo target),
                target.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());

        private Method<TRequest, TResponse> Guard<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            Marshaller<TRequest> inner = method.RequestMarshaller;
            string endpoint = method.FullName;
            string expected = typeof(TRequest).Name;
            var guarded = new Marshaller<TRequest>(inner.ContextualSerializer, deserialization =>
            {
                try
                {
                    return inner.ContextualDeserializer(deserialization);
                }
                catch (InvalidProtocolBufferException malformed)
                {
                    log.Refused(endpoint, malformed.Message);
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"the request body is not a valid {expected} message"));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, guarded, method.ResponseMarshaller);
        }

        /// <summary>The implementing method, and the metadata grpc-dotnet would give its endpoint.</summary>
        private static List<object> Metadata(IMethod method, out MethodInfo target)
        {
            target = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {method.Name}.");
            List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true)]; // type first: lower priority
            metadata.AddRange(target.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return metadata;
        }
    }
}

/// <summary>Registers <see cref="GuardedServiceMethodProvider{TService}"/> in place of grpc-dotnet's default binder.</summary>
public static class GuardedServiceMethods
{
    /// <summary>Swaps grpc-dotnet's default method provider for this one.</summary>
    public static IServiceCollection UseGuardedServiceMethods(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ServiceDescriptor? defaultBinder = services.SingleOrDefault(d =>
            d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        if (defaultBinder is null)
        {
            throw new InvalidOperationException("grpc-dotnet's default method provider was not found: register gRPC first.");
        }

        services.Remove(defaultBinder);
        services.Add(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>)));
        return services;
    }
}
