using Cnucnm.Api.Infrastructure;
using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>The one mapping from failures to 503: every transient cluster or storage failure, bare or wrapped the
/// way the runtime wraps it, is transient; a bug is not (it stays a 500).</summary>
public sealed class TransientFailureTests
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "gateway refused the connection", new ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:30000:0") },
        { "silo died", new SiloUnavailableException("The target silo became unavailable for message") },
        // The runtime creates these two only itself (no public constructor).
        { "message rejected", Uninitialized<OrleansMessageRejectionException>() },
        { "gateway too busy", new GatewayTooBusyException() },
        { "client unknown to the silo", Uninitialized<ClientNotAvailableException>() },
        { "call timed out", new TimeoutException("Response did not arrive on time in 00:00:05") },
        { "database unreachable", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)) },
        { "database unreachable from the silo", new Cnucnm.Contracts.StorageUnavailableException("PostgreSQL unavailable") },
        { "wrapped by a grain call", new AggregateException(new InvalidOperationException("a"), new AggregateException(new ConnectionFailedException("refused"))) },
        { "inner exception", new InvalidOperationException("outer", new SiloUnavailableException("dead")) },
    };

    private static Exception Uninitialized<T>() where T : Exception =>
        (Exception)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(T));

    [Theory]
    [MemberData(nameof(Transient))]
    public void Transient_failures_answer_503(string what, Exception exception)
    {
        Assert.True(TransientFailure.Describe(exception) is not null, $"{what} ({exception.GetType().Name}) must map to 503");
    }

    [Fact]
    public void Bugs_and_constraint_violations_are_not_transient()
    {
        Assert.Null(TransientFailure.Describe(new InvalidOperationException("a bug")));
        Assert.Null(TransientFailure.Describe(new NullReferenceException()));
        Assert.Null(TransientFailure.Describe(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.Null(TransientFailure.Describe(new AggregateException(new InvalidOperationException("a"), new ArgumentException("b"))));
    }
}
