namespace Cnucnm.Registry;

/// <summary>
/// Korean cattle traceability number (이력번호) as written on the ear tag: exactly 12 ASCII digits.
/// Only the length and digit rule is checked; the official prefix and check-digit rules were not
/// researched yet (issue 11), so no further structure is assumed.
/// </summary>
public static class TraceabilityNumber
{
    public const int Length = 12;

    /// <summary>Returns null when valid, otherwise a message for the field.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Traceability number is required.";
        }

        if (value.Length != Length)
        {
            return $"Traceability number must have {Length} digits, found {value.Length} characters.";
        }

        foreach (char c in value)
        {
            if (c is < '0' or > '9')
            {
                return "Traceability number must contain digits 0-9 only.";
            }
        }

        return null;
    }
}
