using System.ComponentModel.DataAnnotations;

namespace Cnucnm.Api;

/// <summary>Settings of section <c>Cnucnm:Api</c>.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string SectionName = "Cnucnm:Api";

    /// <summary>True (default): run a silo inside the API process. False: connect to the silo cluster
    /// as a client through the clustering table (production).</summary>
    public bool CoHostSilo { get; set; } = true;

    /// <summary>Largest request body accepted, bytes (ingestion batches of 1,000 readings fit).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser; empty: same origin only.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Networks (CIDR) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed,
    /// e.g. the ingress controller's pod network; empty: only a proxy on this machine (loopback).</summary>
    public string[] TrustedProxyNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in TrustedProxyNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).", [nameof(TrustedProxyNetworks)]);
        }

        foreach (var origin in CorsOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{origin}' is not an origin (scheme, host and port, e.g. https://farm.example).", [nameof(CorsOrigins)]);
        }
    }
}
