using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StoreAppSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoreAppSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployeeIdRequired = table.Column<bool>(type: "bit", nullable: false),
                    MaxSimultaneousChats = table.Column<int>(type: "int", nullable: false),
                    OfferCountdownSeconds = table.Column<int>(type: "int", nullable: false),
                    WaveIntervalSeconds = table.Column<int>(type: "int", nullable: false),
                    NumberOfWaves = table.Column<int>(type: "int", nullable: false),
                    ClaimPeriodSeconds = table.Column<int>(type: "int", nullable: false),
                    LanguageRoutingEnabled = table.Column<bool>(type: "bit", nullable: false),
                    IdleAutoEndMinutes = table.Column<int>(type: "int", nullable: false),
                    IdleWarningMinutes = table.Column<int>(type: "int", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreAppSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoreAppSettings_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoreAppSettings_MerchantId",
                table: "StoreAppSettings",
                column: "MerchantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreAppSettings");
        }
    }
}
