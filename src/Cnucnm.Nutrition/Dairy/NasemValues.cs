namespace Cnucnm.Nutrition.Dairy;

/// <summary>Model variables by their NASEM software names. Per-amino-acid variables use
/// <c>Name.Aa</c> keys (e.g. <c>Abs_AA_g.Lys</c>).</summary>
public sealed class NasemValues
{
    private readonly Dictionary<string, double> _values = new(700, StringComparer.Ordinal);

    public void Set(string name, double value) => _values[name] = value;

    public double this[string name] => _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"NASEM variable '{name}' was not computed.");

    public bool TryGet(string name, out double value) => _values.TryGetValue(name, out value);

    /// <summary>Finite values only: a variable the book does not define for this animal (NaN) is left out.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        _values.Where(v => double.IsFinite(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>Names of variables that are not defined for this animal (for example water intake of calves).</summary>
    public IReadOnlyList<string> Undefined => [.. _values.Where(v => !double.IsFinite(v.Value)).Select(v => v.Key).Order(StringComparer.Ordinal)];
}
