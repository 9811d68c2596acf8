namespace Cnucnm.Contracts;

/// <summary>
/// Response timeouts of the calls on the ingest and read paths, well under Orleans' 30 s default. A call whose
/// target silo died without answering fails after this long instead of 30 s, the API answers 503 with Retry-After,
/// and the sensor's retry reaches the grain re-activated on a survivor (a dead silo is declared within about 6 s,
/// see <c>CnucnmHosting</c> and docs/reliability.md). Calls that do real work (formulation, imports) keep the default.
/// </summary>
public static class ResponseTimeouts
{
    /// <summary>A batch of intake readings, from the API to the ingest worker: validation, one PostgreSQL commit, a bounded fan-out.</summary>
    public const string Ingest = "00:00:05";

    /// <summary>A read of a grain's current state.</summary>
    public const string Read = "00:00:03";
}
