using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoachBot.Storage.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommunityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConversationKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AskerKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Sources = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceGuides = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Scores = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Offline = table.Column<bool>(type: "boolean", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answer_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "answer_votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AnswerId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommunityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoterKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Vote = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
