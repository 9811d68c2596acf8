namespace Cnucnm.Contracts.Security;

/// <summary>A person's role on one farm. What each role may do is in <see cref="FarmPermissions"/>.</summary>
[GenerateSerializer, Alias("cnucnm.FarmRole")]
public enum FarmRole
{
    Viewer = 0,
    Veterinarian = 1,
    Nutritionist = 2,
    Manager = 3,
    Owner = 4,
}

/// <summary>Roles that are not tied to a farm.</summary>
public static class GlobalRoles
{
    /// <summary>Sees and manages every farm and account.</summary>
    public const string Admin = "admin";

    /// <summary>Runs the platform: the Orleans dashboard and metrics, no farm data.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Admin, Operator };
}
