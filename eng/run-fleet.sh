#!/usr/bin/env bash
# Runs the whole fleet on this machine with the Aspire dashboard: installs what it needs first (eng/prereqs.sh).
# Dashboard: http://localhost:18888 (no login on this local profile). Stop with Ctrl+C.
#   eng/run-fleet.sh [AppHost arguments, e.g. Rabbit:Mode=existing]
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash "$REPO/eng/prereqs.sh"
# Durable local state between runs: the services' SQLite files and the broker's node live under eng/artifacts.
export Rabbit__DataDir="${Rabbit__DataDir:-$REPO/eng/artifacts/rabbitmq}"
export Rabbit__Port="${Rabbit__Port:-5682}"
exec dotnet run --project "$REPO/AppHost/AppHost.csproj" --launch-profile http -- "$@"
