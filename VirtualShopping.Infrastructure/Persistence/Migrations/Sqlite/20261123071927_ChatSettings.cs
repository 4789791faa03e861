using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MerchantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SecondaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    FontFamily = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OffsetX = table.Column<int>(type: "INTEGER", nullable: false),
                    OffsetY = table.Column<int>(type: "INTEGER", nullable: false),
                    PhotoAndVideoSending = table.Column<bool>(type: "INTEGER", nullable: false),
                    PrivacyPolicyUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TermsUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CustomerServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Minimisable = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutoCloseSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CookieTtlDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CookieConsent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DisplayMode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LauncherStyle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DismissedBubbleHideHours = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowedOrigins = table.Column<string>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatSettings_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChatSettingsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatTexts_ChatSettings_ChatSettingsId",
                        column: x => x.ChatSettingsId,
                        principalTable: "ChatSettings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatSettings_MerchantId",
                table: "ChatSettings",
                column: "MerchantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatTexts_ChatSettingsId",
                table: "ChatTexts",
                column: "ChatSettingsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatTexts");

            migrationBuilder.DropTable(
                name: "ChatSettings");
        }
    }
}
