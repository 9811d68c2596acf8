namespace Cnucnm.Registry;

/// <summary>What an animal is due for.</summary>
public enum AnimalDueKind
{
    /// <summary>Not weighed for longer than the farm's weighing interval (or never, once older than it).</summary>
    WeighingOverdue = 0,

    /// <summary>Expected to calve within the farm's notice.</summary>
    CalvingDue = 1,

    /// <summary>Milking and pregnant with calving closer than the dry period: should be dried off and move to the dry group.</summary>
    DryOffDue = 2,
}
