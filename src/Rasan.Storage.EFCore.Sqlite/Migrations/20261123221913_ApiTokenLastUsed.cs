using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rasan.Storage.EFCore.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class ApiTokenLastUsed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_used_at",
                table: "api_tokens",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_used_at",
                table: "api_tokens");
        }
    }
}
