namespace Cnucnm.Api;

/// <summary>Settings of section <c>Cnucnm:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Cnucnm:Api";

    /// <summary>True (default): run a silo inside the API process. False: connect to the silo cluster
    /// as a client through the clustering table (production).</summary>
    public bool CoHostSilo { get; set; } = true;
}
