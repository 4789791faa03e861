using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    AttributedOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    NetRevenueTenThousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    AttributedNetRevenueTenThousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundsTenThousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedChats = table.Column<int>(type: "INTEGER", nullable: false),
                    ConvertedChats = table.Column<int>(type: "INTEGER", nullable: false)
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
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangesSince = table.Column<long>(type: "INTEGER", nullable: false),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
