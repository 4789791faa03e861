namespace VirtualShopping.Web.Components.Shared;

/// <summary>Field errors the server returned on save, shown against the fields they name.</summary>
public sealed class ServerErrors
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public bool Any => errors.Count > 0;

    public void Set(IReadOnlyDictionary<string, string[]> fieldErrors) => errors = fieldErrors;

    public void Clear() => errors = new Dictionary<string, string[]>();

    public bool Has(string field) => errors.ContainsKey(field);

    public string? For(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
