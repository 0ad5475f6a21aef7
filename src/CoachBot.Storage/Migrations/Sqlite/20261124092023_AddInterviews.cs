using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddInterviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interview_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChannelKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Track = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QuestionIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AverageScore = table.Column<double>(type: "REAL", nullable: true),
                    LevelEstimate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interview_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "interview_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QuestionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MissingPoints = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FeedbackSource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interview_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interview_answers_interview_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "interview_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_interview_answers_SessionId_QuestionIndex",
                table: "interview_answers",
                columns: new[] { "SessionId", "QuestionIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_interview_sessions_CommunityKey_EndedAt",
                table: "interview_sessions",
                columns: new[] { "CommunityKey", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_interview_sessions_one_active",
                table: "interview_sessions",
                columns: new[] { "UserKey", "ChannelKey", "ThreadId" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_interview_sessions_Status_LastActivityAt",
                table: "interview_sessions",
                columns: new[] { "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_interview_sessions_UserKey_EndedAt",
                table: "interview_sessions",
                columns: new[] { "UserKey", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interview_answers");

            migrationBuilder.DropTable(
                name: "interview_sessions");
        }
    }
}
