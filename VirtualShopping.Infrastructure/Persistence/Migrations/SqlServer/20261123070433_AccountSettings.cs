using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "Merchants");

            migrationBuilder.CreateTable(
                name: "AccountSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProductFeedUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ProductFeedFormat = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ProductFeedSchedule = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ContactChannels = table.Column<int>(type: "int", nullable: false),
                    OutOfHoursBehaviour = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OutOfHoursText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    LeftMessageSenderId = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    LeftMessageExpiredUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountSettings_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSettings_MerchantId",
                table: "AccountSettings",
                column: "MerchantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSettings");

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "Merchants",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }
    }
}
