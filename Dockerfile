# syntax=docker/dockerfile:1
#
# CoachBot container image: the host (src/CoachBot) published in Release on the .NET 10 ASP.NET Core runtime, running
# as the image's non-root `app` user, with the guides (knowledge/) and prompt templates (prompts/) beside the binary
# and the SQLite database on the /data volume.
#
#   docker build -t coachbot .
#   docker run -d --name coachbot -p 8080:8080 -v coachbot-data:/data \
#     -e Discord__Token=... -e Slack__BotToken=... -e Slack__AppToken=... coachbot
#
# Configuration is environment variables ("__" for ":"; every key is in appsettings.example.json) or a file mounted at
# /app/appsettings.Production.json. Operations guide: docs/operations.md.
#
# NOT BUILT IN THE REPOSITORY'S ENVIRONMENT (no Docker daemon, no registry access there). What it relies on was
# validated instead by running the same restore/publish commands and starting the output from a folder laid out like
# this image (binary, knowledge/ and prompts/ in one folder used as the working directory, a separate data folder, a
# non-root uid, the same environment variables): it migrated a fresh SQLite database, answered `ask` and a piped
# terminal chat from the bundled guides, found the prompts, and served /healthz to the HEALTHCHECK command below.
# See "Container" in docs/operations.md. Build it once yourself before relying on it.

ARG DOTNET_VERSION=10.0

# ---- build: restore and publish with the SDK -------------------------------------------------------------------------
# The output is framework-dependent and portable (no runtime identifier, no native app host), so the build stage runs
# on the builder's own platform even when the image is for another one (docker buildx --platform linux/arm64).
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore from the project files alone, so the package layer is reused until a project or a package version changes.
# A new project under src/ that the host references must be added here, or the restore below fails naming it.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/CoachBot/CoachBot.csproj                     src/CoachBot/
COPY src/CoachBot.Core/CoachBot.Core.csproj           src/CoachBot.Core/
COPY src/CoachBot.Knowledge/CoachBot.Knowledge.csproj src/CoachBot.Knowledge/
COPY src/CoachBot.Ai/CoachBot.Ai.csproj               src/CoachBot.Ai/
COPY src/CoachBot.Coaching/CoachBot.Coaching.csproj   src/CoachBot.Coaching/
COPY src/CoachBot.Storage/CoachBot.Storage.csproj     src/CoachBot.Storage/
COPY src/CoachBot.Discord/CoachBot.Discord.csproj     src/CoachBot.Discord/
COPY src/CoachBot.Slack/CoachBot.Slack.csproj         src/CoachBot.Slack/
RUN dotnet restore src/CoachBot/CoachBot.csproj

# .editorconfig carries analyzer severities; the build treats warnings as errors, so it must build with them.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/CoachBot/CoachBot.csproj -c Release --no-restore -o /out -p:UseAppHost=false

# ---- runtime ---------------------------------------------------------------------------------------------------------
# aspnet, not runtime: the host is an ASP.NET Core app (Kestrel serves /healthz and Slack's HTTP mode).
# The default 10.0 tag is Ubuntu 24.04 with ICU and tzdata (challenge schedules name IANA time zones), the non-root
# user `app` (uid $APP_UID, 1654) and bash, which the HEALTHCHECK uses. A chiseled tag has no shell: drop the check there.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app

# Everything under /app belongs to root and is read-only to the app user; the only writable place is /data.
COPY --from=build /out ./
# The host finds knowledge/ and prompts/ by walking up from the working directory and from the binary's folder
# (Knowledge:Path and Llm:PromptsPath unset), so beside the binary they are found whatever the working directory.
# Mount your own and set Knowledge__Path / Llm__PromptsPath to use other guides or prompts.
COPY knowledge/ ./knowledge/
COPY prompts/ ./prompts/

# Created here, owned by the app user, so a named volume mounted on it starts out writable (a bind mount keeps the
# host folder's owner: chown it to 1654 on the host).
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data

# Storage__DataDirectory: SQLite file (coachbot.db, WAL) in the volume. Http__Urls: the web server (health, Slack HTTP
# mode) on 8080 on every interface; it takes precedence over the base image's ASPNETCORE_HTTP_PORTS (Kestrel logs a
# warning saying so at start-up). Terminal__Enabled=false: never open the terminal chat, even with no platform token
# (with none set, the container then only serves HTTP).
# The last line keeps every health probe from writing five request lines to the log.
ENV Storage__DataDirectory=/data \
    Http__Urls=http://0.0.0.0:8080 \
    Terminal__Enabled=false \
    Logging__LogLevel__Microsoft.AspNetCore=Warning
EXPOSE 8080

USER $APP_UID

# The runtime image has no curl or wget, so the probe speaks HTTP itself through bash's /dev/tcp: healthy when
# GET /healthz (liveness: the process is up and serving) answers 200. Keep the port in step with Http__Urls.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# docker stop sends SIGTERM: the host stops the adapters and lets acknowledged answers finish (up to 10 s on Discord).
# Give it more than Docker's default 10 s: docker run --stop-timeout 30, or stop_grace_period: 30s in Compose.
ENTRYPOINT ["dotnet", "CoachBot.dll"]
