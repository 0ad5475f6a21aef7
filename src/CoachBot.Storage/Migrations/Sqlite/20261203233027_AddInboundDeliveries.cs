using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddInboundDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_deliveries",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeliveryKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsefulUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_deliveries", x => new { x.Platform, x.DeliveryKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_deliveries_Platform_Status",
                table: "inbound_deliveries",
                columns: new[] { "Platform", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_deliveries_UsefulUntil",
                table: "inbound_deliveries",
                column: "UsefulUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_deliveries");
        }
    }
}
