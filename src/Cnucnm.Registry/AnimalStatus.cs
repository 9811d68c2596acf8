namespace Cnucnm.Registry;

/// <summary>Whether the animal is still on the farm; anything but <see cref="Active"/> carries a date and a reason.</summary>
public enum AnimalStatus
{
    Active = 0,
    Sold = 1,
    Dead = 2,
    Culled = 3,
}
