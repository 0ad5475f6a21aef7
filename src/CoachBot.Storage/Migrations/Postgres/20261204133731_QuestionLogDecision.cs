using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuestionLogDecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "answer_records",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Rows logged before decisions were kept were all answers (declines were not recorded).
                defaultValue: "Answered");

            migrationBuilder.CreateIndex(
                name: "IX_answer_records_CommunityKey_AnsweredAt",
                table: "answer_records",
                columns: new[] { "CommunityKey", "AnsweredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_answer_records_CommunityKey_AnsweredAt",
                table: "answer_records");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "answer_records");
        }
    }
}
