using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntegrationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZendeskEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ZendeskSubdomain = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    ZendeskEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ZendeskApiTokenProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ZendeskApiTokenHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MessengerEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MessengerPageId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MessengerAppSecretProtected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MessengerAppSecretHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MessengerPageAccessTokenProtected = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MessengerPageAccessTokenHint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationSettings_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationSettings_MerchantId",
                table: "IntegrationSettings",
                column: "MerchantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationSettings");
        }
    }
}
