using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatDisplayRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "ChatSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "ExcludeUrlPatterns",
                table: "ChatSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "IncludeUrlPatterns",
                table: "ChatSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "ShowOnDesktop",
                table: "ChatSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ShowOnMobile",
                table: "ChatSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Countries",
                table: "ChatSettings");

            migrationBuilder.DropColumn(
                name: "ExcludeUrlPatterns",
                table: "ChatSettings");

            migrationBuilder.DropColumn(
                name: "IncludeUrlPatterns",
                table: "ChatSettings");

            migrationBuilder.DropColumn(
                name: "ShowOnDesktop",
                table: "ChatSettings");

            migrationBuilder.DropColumn(
                name: "ShowOnMobile",
                table: "ChatSettings");
        }
    }
}
