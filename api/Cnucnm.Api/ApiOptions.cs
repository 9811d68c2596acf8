namespace Cnucnm.Api;

/// <summary>Settings of section <c>Cnucnm:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Cnucnm:Api";

    /// <summary>True (default): run a silo inside the API process. False: connect to the silo cluster
    /// as a client through the clustering table (production).</summary>
    public bool CoHostSilo { get; set; } = true;

    /// <summary>Largest request body accepted, bytes (ingestion batches of 1,000 readings fit).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser; empty: same origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Networks (CIDR) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed,
    /// e.g. the ingress controller's pod network; empty: only a proxy on this machine (loopback).</summary>
    public string[] TrustedProxyNetworks { get; set; } = [];
}
