using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rasan.Storage.EFCore.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class ApiCallLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    route = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    duration_ms = table.Column<double>(type: "double precision", nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: true),
                    token_prefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    client_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    request_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_calls", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_calls_at",
                table: "api_calls",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_api_calls_service_id_id",
                table: "api_calls",
                columns: new[] { "service_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_calls");
        }
    }
}
