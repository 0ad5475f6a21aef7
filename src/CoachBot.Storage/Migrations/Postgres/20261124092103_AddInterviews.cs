using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoachBot.Storage.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CommunityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChannelKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ThreadId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Track = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    QuestionCount = table.Column<int>(type: "integer", nullable: false),
                    CurrentIndex = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AverageScore = table.Column<double>(type: "double precision", nullable: true),
                    LevelEstimate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interview_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "interview_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionIndex = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MissingPoints = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FeedbackSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
