using System.ComponentModel.DataAnnotations;

namespace Cnucnm.Silo.Hosting;

/// <summary>Settings of section <c>Cnucnm</c>, validated at start. See the README's configuration table.</summary>
public sealed class CnucnmOptions : IValidatableObject
{
    public const string SectionName = "Cnucnm";

    /// <summary>Fixed for every deployment: stored grain state and reminders are keyed by it.</summary>
    public const string ServiceId = "cnucnm";

    /// <summary><c>Embedded</c> (nothing installed, in-memory state) or <c>Postgres</c>.</summary>
    public HostingProfile Profile { get; set; } = HostingProfile.Embedded;

    /// <summary>Silos with the same cluster id form one cluster (one per environment).</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "ClusterId must be lower-case letters, digits and dashes.")]
    public string ClusterId { get; set; } = "cnucnm-dev";

    public SiloEndpointOptions Silo { get; set; } = new();

    /// <summary>PostgreSQL connection string; read from <c>ConnectionStrings:Cnucnm</c> when empty.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Turns on Orleans' Kubernetes hosting integration (only inside a pod).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Apply the schema at start (convenient for one-process setups; the Job does it in Kubernetes).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>How long a stopping host may take (SIGTERM to exit): the silo hands its grains over and
    /// deactivates them in this time. Keep it under Kubernetes' terminationGracePeriodSeconds.</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Profile == HostingProfile.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "The Postgres profile needs ConnectionStrings:Cnucnm (or Cnucnm:ConnectionString).",
                [nameof(ConnectionString)]);
        }

        if (Silo.SiloPort == Silo.GatewayPort)
        {
            yield return new ValidationResult("Silo:SiloPort and Silo:GatewayPort must differ.", [nameof(Silo)]);
        }
    }
}

public enum HostingProfile
{
    /// <summary>Localhost clustering, in-memory storage, streams and reminders: needs nothing installed.</summary>
    Embedded,

    /// <summary>ADO.NET clustering, persistence and reminders on PostgreSQL.</summary>
    Postgres,
}

public sealed class SiloEndpointOptions
{
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this one (the pod IP in Kubernetes).
    /// Empty: loopback for the embedded profile, the host's first address otherwise.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Silo name shown in the dashboard (the pod name in Kubernetes).</summary>
    public string? Name { get; set; }
}
