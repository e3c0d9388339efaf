using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rasan.Storage.EFCore.PostgreSql.Migrations
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
                type: "bigint",
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
