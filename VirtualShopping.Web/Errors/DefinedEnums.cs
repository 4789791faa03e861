using System.Globalization;

namespace VirtualShopping.Web.Errors;

/// <summary>
/// Enum values the API takes: named ones only. JSON and query binding both accept any number ("day": 99,
/// ?sort=7) and would carry it into the data; here such a value is refused as bad input instead.
/// </summary>
public static class DefinedEnums
{
    /// <summary>True for a named value, or for a [Flags] enum a combination of named bits.</summary>
    public static bool IsDefined(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return Enum.IsDefined(type, value);
        }

        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0UL, (bits, named) => bits | Bits(named));
        return (Bits(value) & ~all) == 0;
    }

    /// <summary>Refuses unnamed enum values in an endpoint's query and route arguments with 400 problem details naming the parameter.</summary>
    public static TBuilder RejectUndefinedEnums<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var enums = context.MethodInfo.GetParameters()
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum)
                .ToArray();
            if (enums.Length == 0)
            {
                return next;
            }

            return invocation =>
            {
                foreach (var parameter in enums)
                {
                    if (invocation.Arguments[parameter.Position] is Enum value && !IsDefined(value))
                    {
                        // The same words minimal APIs use for a value they cannot bind, so one handler explains both.
                        throw new BadHttpRequestException($"Failed to bind parameter \"{parameter.ParameterType.Name} {parameter.Name}\" from \"{value}\".");
                    }
                }

                return next(invocation);
            };
        });

    private static ulong Bits(Enum value) => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
