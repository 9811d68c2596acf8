namespace Cnucnm.Contracts.Security;

/// <summary>What can be done on a farm. Endpoints state one permission each.</summary>
public enum FarmPermission
{
    /// <summary>See the farm, its groups, rations, intake, alerts and reports.</summary>
    Read,

    /// <summary>Change the farm profile, policies and thresholds.</summary>
    ManageFarm,

    /// <summary>Add, change and remove members.</summary>
    ManageMembers,

    /// <summary>Create and revoke device API keys.</summary>
    ManageDevices,

    /// <summary>Create and change animal groups and their inputs.</summary>
    EditGroups,

    /// <summary>Change the farm's feeds, prices, inventory and lab analyses.</summary>
    EditFeeds,

    /// <summary>Run formulations and propose rations.</summary>
    Formulate,

    /// <summary>Make a proposed ration the group's ration.</summary>
    ApproveRation,

    /// <summary>Register animals and record weighings, milk tests and reproduction.</summary>
    EditAnimals,

    /// <summary>Record health events and treatments.</summary>
    EditHealthRecords,

    /// <summary>Acknowledge alerts.</summary>
    AcknowledgeAlerts,

    /// <summary>Post sensor readings (device keys hold only this).</summary>
    IngestReadings,

    /// <summary>Configure webhooks and other integrations.</summary>
    ManageIntegrations,
}

public static class FarmPermissions
{
    private static readonly Dictionary<FarmRole, HashSet<FarmPermission>> Grants = new()
    {
        [FarmRole.Viewer] = [FarmPermission.Read],
        [FarmRole.Veterinarian] = [FarmPermission.Read, FarmPermission.EditAnimals, FarmPermission.EditHealthRecords, FarmPermission.AcknowledgeAlerts],
        [FarmRole.Nutritionist] =
        [
            FarmPermission.Read, FarmPermission.EditGroups, FarmPermission.EditFeeds, FarmPermission.Formulate,
            FarmPermission.ApproveRation, FarmPermission.AcknowledgeAlerts,
        ],
        [FarmRole.Manager] =
        [
            FarmPermission.Read, FarmPermission.ManageFarm, FarmPermission.ManageMembers, FarmPermission.ManageDevices,
            FarmPermission.EditGroups, FarmPermission.EditFeeds, FarmPermission.Formulate, FarmPermission.ApproveRation,
            FarmPermission.EditAnimals, FarmPermission.EditHealthRecords, FarmPermission.AcknowledgeAlerts,
            FarmPermission.IngestReadings, FarmPermission.ManageIntegrations,
        ],
        [FarmRole.Owner] = [.. Enum.GetValues<FarmPermission>()],
    };

    public static bool Allows(this FarmRole role, FarmPermission permission) => Grants[role].Contains(permission);

    public static string ToWire(this FarmRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out FarmRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);
}
