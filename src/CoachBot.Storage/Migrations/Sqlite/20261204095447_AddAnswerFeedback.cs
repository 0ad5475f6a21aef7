using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAnswerFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "answer_records",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AskerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceGuides = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Offline = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answer_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "answer_votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VoterKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Vote = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answer_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_answer_votes_answer_records_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "answer_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_answer_records_AnsweredAt",
                table: "answer_records",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_answer_records_AskerKey_ConversationKey_AnsweredAt",
                table: "answer_records",
                columns: new[] { "AskerKey", "ConversationKey", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_answer_votes_AnswerId_VoterKey",
                table: "answer_votes",
                columns: new[] { "AnswerId", "VoterKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_answer_votes_CommunityKey_Vote_VotedAt",
                table: "answer_votes",
                columns: new[] { "CommunityKey", "Vote", "VotedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answer_votes");

            migrationBuilder.DropTable(
                name: "answer_records");
        }
    }
}
