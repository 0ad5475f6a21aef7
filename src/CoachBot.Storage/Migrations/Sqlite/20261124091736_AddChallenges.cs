using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "challenge_schedules",
                columns: table => new
                {
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommunityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    Minute = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenge_schedules", x => x.CommunityKey);
                });

            migrationBuilder.CreateTable(
                name: "challenge_slot_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WeekKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SlotAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ChallengeId = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenge_slot_claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "challenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommunityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Brief = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WinnersAnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "moderator_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderator_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "challenge_submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EditCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenge_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_challenge_submissions_challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "challenge_winners",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChallengeId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_challenge_winners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_challenge_winners_challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_challenge_schedules_Enabled",
                table: "challenge_schedules",
                column: "Enabled");

            migrationBuilder.CreateIndex(
                name: "IX_challenge_slot_claims_CommunityKey_WeekKey",
                table: "challenge_slot_claims",
                columns: new[] { "CommunityKey", "WeekKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_challenge_slot_claims_Status",
                table: "challenge_slot_claims",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_challenge_submissions_ChallengeId_UserKey",
                table: "challenge_submissions",
                columns: new[] { "ChallengeId", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_challenge_submissions_UserKey",
                table: "challenge_submissions",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_challenge_winners_ChallengeId_UserKey",
                table: "challenge_winners",
                columns: new[] { "ChallengeId", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_challenge_winners_CommunityKey_UserKey",
                table: "challenge_winners",
                columns: new[] { "CommunityKey", "UserKey" });

            migrationBuilder.CreateIndex(
                name: "IX_challenges_CommunityKey_BankId",
                table: "challenges",
                columns: new[] { "CommunityKey", "BankId" });

            migrationBuilder.CreateIndex(
                name: "IX_challenges_CommunityKey_ClosedAt",
                table: "challenges",
                columns: new[] { "CommunityKey", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_challenges_DueAt",
                table: "challenges",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_moderator_audit_CommunityKey_At",
                table: "moderator_audit",
                columns: new[] { "CommunityKey", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "challenge_schedules");

            migrationBuilder.DropTable(
                name: "challenge_slot_claims");

            migrationBuilder.DropTable(
                name: "challenge_submissions");

            migrationBuilder.DropTable(
                name: "challenge_winners");

            migrationBuilder.DropTable(
                name: "moderator_audit");

            migrationBuilder.DropTable(
                name: "challenges");
        }
    }
}
