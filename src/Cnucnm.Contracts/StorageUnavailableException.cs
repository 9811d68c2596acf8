namespace Cnucnm.Contracts;

/// <summary>
/// PostgreSQL could not be reached (down, restarting, connection lost) while a grain call ran: nothing
/// was stored, the caller may retry. Grains raise it in place of Npgsql's exceptions, which Orleans
/// cannot serialize back to the caller; the API answers it with 503 and Retry-After.
/// </summary>
[GenerateSerializer, Alias("cnucnm.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
