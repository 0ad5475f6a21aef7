using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quiz_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Difficulty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    QuestionIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quiz_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QuestionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChosenOption = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCorrect = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quiz_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quiz_answers_quiz_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "quiz_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_members_CommunityKey_UserKey",
                table: "community_members",
                columns: new[] { "CommunityKey", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_members_UserKey",
                table: "community_members",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_quiz_answers_CommunityKey_AnsweredAt",
                table: "quiz_answers",
                columns: new[] { "CommunityKey", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_answers_SessionId_QuestionIndex",
                table: "quiz_answers",
                columns: new[] { "SessionId", "QuestionIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quiz_answers_UserKey_Skill",
                table: "quiz_answers",
                columns: new[] { "UserKey", "Skill" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_CommunityKey_EndedAt",
                table: "quiz_sessions",
                columns: new[] { "CommunityKey", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_one_active",
                table: "quiz_sessions",
                columns: new[] { "UserKey", "ConversationKey" },
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_Status_LastActivityAt",
                table: "quiz_sessions",
                columns: new[] { "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_quiz_sessions_UserKey",
                table: "quiz_sessions",
                column: "UserKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_members");

            migrationBuilder.DropTable(
                name: "quiz_answers");

            migrationBuilder.DropTable(
                name: "quiz_sessions");
        }
    }
}
