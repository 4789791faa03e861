using System.Text;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Integration.Reports;

public sealed class ReportFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void No_query_means_the_last_thirty_days_by_day()
    {
        var filter = ReportFilter.Parse(null, null, null, null, null, null, null, Today, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new ReportFilter(new DateOnly(2026, 10, 31), Today), filter);
    }

    [Fact]
    public void A_filter_survives_its_query_string()
    {
        var store = Guid.NewGuid();
        var expert = Guid.NewGuid();
        var filter = new ReportFilter(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), ReportPeriod.Week, StoreId: store, StaffMemberId: expert);
        var query = System.Web.HttpUtility.ParseQueryString(filter.ToQuery());

        var read = ReportFilter.Parse(query["from"], query["to"], query["period"], query["store"], query["team"], query["department"], query["expert"], Today, out var errors);

        Assert.Empty(errors);
        Assert.Equal(filter, read);
    }

    [Fact]
    public void Each_malformed_value_is_named_with_its_reason()
    {
        var filter = ReportFilter.Parse("1 Nov", "2026-11-31", "fortnight", "main-street", null, null, "42", Today, out var errors);

        Assert.Null(filter);
        Assert.Equal(["expert", "from", "period", "store", "to"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("yyyy-mm-dd", errors["from"][0], StringComparison.Ordinal);
        Assert.Contains("day, week or month", errors["period"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_period_or_a_reversed_range_is_refused()
    {
        Assert.Null(ReportFilter.Parse(null, null, "2", null, null, null, null, Today, out var numeric));
        Assert.True(numeric.ContainsKey("period"));
        Assert.Null(ReportFilter.Parse("2026-11-20", "2026-11-10", null, null, null, null, null, Today, out var reversed));
        Assert.Equal("The start date must be on or before the end date.", reversed["to"][0]);
    }

    [Fact]
    public void Csv_cells_are_quoted_when_needed_and_formulas_are_defused()
    {
        var bytes = CsvFile.Build(["Expert", "Revenue", "Note"], [
            ["Sam \"the boot\" Lee", 1234.5m, "=HYPERLINK(\"http://evil\")"],
            ["Ana, Paris", -12.25m, "+33 1 23"],
            [null, 0m, "line\nbreak"],
        ]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "Expert,Revenue,Note\r\n" +
            "\"Sam \"\"the boot\"\" Lee\",1234.5,\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n" +
            "\"Ana, Paris\",-12.25,'+33 1 23\r\n" +
            ",0,\"line\nbreak\"\r\n",
            text);
    }
}
