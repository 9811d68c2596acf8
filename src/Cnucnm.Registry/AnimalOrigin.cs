namespace Cnucnm.Registry;

/// <summary>How the animal came to the farm.</summary>
public enum AnimalOrigin
{
    BornOnFarm = 0,
    Purchased = 1,
}
