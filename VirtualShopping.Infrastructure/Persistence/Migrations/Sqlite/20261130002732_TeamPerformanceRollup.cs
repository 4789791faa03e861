using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamPerformanceRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertAvailabilityPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertAvailabilityPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertAvailabilityPeriods_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertAvailabilityPeriods_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamDailyStats",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Offered = table.Column<int>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<int>(type: "INTEGER", nullable: false),
                    MissedOffers = table.Column<int>(type: "INTEGER", nullable: false),
                    Declined = table.Column<int>(type: "INTEGER", nullable: false),
                    MissedChats = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating1 = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating2 = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating4 = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating5 = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    AttributedOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    AttributedRevenue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamDailyStats", x => new { x.MerchantId, x.Day, x.StaffMemberId, x.StoreId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_TeamDailyStats_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamRollupStates",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamRollupStates", x => x.MerchantId);
                    table.ForeignKey(
                        name: "FK_TeamRollupStates_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamSecondsCounts",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Metric = table.Column<byte>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamSecondsCounts", x => new { x.MerchantId, x.Day, x.StaffMemberId, x.StoreId, x.DepartmentId, x.Metric, x.Seconds });
                    table.ForeignKey(
                        name: "FK_TeamSecondsCounts_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_MerchantId_AttributionChatId",
                table: "Orders",
                columns: new[] { "MerchantId", "AttributionChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_MerchantId_StartedAt",
                table: "Chats",
                columns: new[] { "MerchantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAvailabilityPeriods_MerchantId_From",
                table: "ExpertAvailabilityPeriods",
                columns: new[] { "MerchantId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAvailabilityPeriods_MerchantId_To",
                table: "ExpertAvailabilityPeriods",
                columns: new[] { "MerchantId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAvailabilityPeriods_StaffMemberId_Open",
                table: "ExpertAvailabilityPeriods",
                column: "StaffMemberId",
                unique: true,
                filter: "[To] IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertAvailabilityPeriods");

            migrationBuilder.DropTable(
                name: "TeamDailyStats");

            migrationBuilder.DropTable(
                name: "TeamRollupStates");

            migrationBuilder.DropTable(
                name: "TeamSecondsCounts");

            migrationBuilder.DropIndex(
                name: "IX_Orders_MerchantId_AttributionChatId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Chats_MerchantId_StartedAt",
                table: "Chats");
        }
    }
}
