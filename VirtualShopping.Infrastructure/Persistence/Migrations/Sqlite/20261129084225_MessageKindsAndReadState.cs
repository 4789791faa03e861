using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtualShopping.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageKindsAndReadState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpertReadSequence",
                table: "Chats",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExpertStoreName",
                table: "Chats",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ShopperReadSequence",
                table: "Chats",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "AttachmentId",
                table: "ChatMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Data",
                table: "ChatMessages",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChatMessages",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Text");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpertReadSequence",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "ExpertStoreName",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "ShopperReadSequence",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "AttachmentId",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "Data",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChatMessages");
        }
    }
}
