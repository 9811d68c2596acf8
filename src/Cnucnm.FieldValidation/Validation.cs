namespace Cnucnm.FieldValidation;

/// <summary>Collects every field error of a request so that one 400 lists them all.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public Validation Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public Validation RequireText(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required.");
        }

        return value.Length > maxLength ? Add(field, $"must be at most {maxLength} characters.") : this;
    }

    public Validation RequireRange(double? value, string field, double min, double max, bool required = true)
    {
        if (value is null)
        {
            return required ? Add(field, "is required.") : this;
        }

        return double.IsFinite(value.Value) && value.Value >= min && value.Value <= max
            ? this
            : Add(field, $"must be between {min} and {max}.");
    }

    /// <summary>The same errors as a flat list, in the order they were found.</summary>
    public IReadOnlyList<FieldError> FieldErrors => [.. _errors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key, m)))];

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
