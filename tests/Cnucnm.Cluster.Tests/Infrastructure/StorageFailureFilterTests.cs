using System.Net.Sockets;
using Cnucnm.Contracts;
using Cnucnm.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;

namespace Cnucnm.Cluster.Tests.Infrastructure;

/// <summary>A PostgreSQL outage inside a grain call reaches the caller as a retryable
/// StorageUnavailableException that crosses the Orleans wire; Npgsql's own exceptions do not.</summary>
public sealed class StorageFailureFilterTests
{
    private static readonly Serializer Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Transient_PostgreSQL_failures_are_translated_even_when_wrapped_but_constraint_violations_are_not()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Contains("Failed to connect", StorageFailureFilter.Translate(refused)?.Message, StringComparison.Ordinal);
        Assert.NotNull(StorageFailureFilter.Translate(new InvalidOperationException("grain storage write failed", refused)));
        Assert.Null(StorageFailureFilter.Translate(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.Null(StorageFailureFilter.Translate(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void StorageUnavailableException_crosses_the_Orleans_wire_where_NpgsqlException_cannot()
    {
        Exception sent = new StorageUnavailableException("PostgreSQL unavailable: Failed to connect to 127.0.0.1:5432");

        var received = Wire.Deserialize<Exception>(Wire.SerializeToArray(sent));

        var unavailable = Assert.IsType<StorageUnavailableException>(received);
        Assert.Equal(sent.Message, unavailable.Message);
        Exception npgsql = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        Assert.Throws<CodecNotFoundException>(() => Wire.SerializeToArray(new InvalidOperationException("wrapped", npgsql)));
    }
}
