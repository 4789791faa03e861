using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SalesDailyRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SalesDailyRollups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Currency = table.Column<string>(type: "varchar(3)", unicode: false, maxLength: 3, nullable: false),
                    Orders = table.Column<int>(type: "int", nullable: false),
                    AttributedOrders = table.Column<int>(type: "int", nullable: false),
                    NetRevenueTenThousandths = table.Column<long>(type: "bigint", nullable: false),
                    AttributedNetRevenueTenThousandths = table.Column<long>(type: "bigint", nullable: false),
                    RefundsTenThousandths = table.Column<long>(type: "bigint", nullable: false),
                    CancelledOrders = table.Column<int>(type: "int", nullable: false),
                    ClaimedChats = table.Column<int>(type: "int", nullable: false),
                    ConvertedChats = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesDailyRollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesDailyRollups_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SalesRollupWatermarks",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangesSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesRollupWatermarks", x => x.MerchantId);
                    table.ForeignKey(
                        name: "FK_SalesRollupWatermarks_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SalesDailyRollups_MerchantId_Day",
                table: "SalesDailyRollups",
                columns: new[] { "MerchantId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SalesDailyRollups");

            migrationBuilder.DropTable(
                name: "SalesRollupWatermarks");
        }
    }
}
