namespace Cnucnm.Registry;

/// <summary>Sex as the traceability register records it, with castrated males kept apart (they grow as steers).</summary>
public enum AnimalSex
{
    Female = 0,
    Male = 1,
    Steer = 2,
}
