using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rasan.Storage.EFCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class MessageProviderOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "outcome_awaited_until",
                table: "messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_options",
                table: "messages",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "outcome_awaited_until",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "provider_options",
                table: "messages");
        }
    }
}
