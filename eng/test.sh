#!/usr/bin/env bash
# Runs every test project of the fleet on this machine, after installing what they need (eng/prereqs.sh).
# Prints one closing line "N passed, N failed" summed over all projects; exits non-zero on any failure.
#   eng/test.sh                 all projects
#   eng/test.sh Gateway.Tests   only the named projects
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
RESULTS="$REPO/eng/artifacts/test-results"
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off

if ! bash "$REPO/eng/prereqs.sh"; then
  echo "0 passed, 1 failed"
  exit 1
fi

started=$(date +%s)
log "building"
if ! dotnet build "$REPO/Commerce.Aspire.sln" -c Release -nologo -v:q -clp:ErrorsOnly; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

rm -rf "$RESULTS"; mkdir -p "$RESULTS"
if (( $# > 0 )); then
  projects=("$@")
else
  # The fleet test starts the whole AppHost; it runs last so a slow start cannot starve the others.
  mapfile -t projects < <(cd "$REPO/tests" && ls -d *.Tests | grep -v '^Fleet.Tests$'; [[ -d "$REPO/tests/Fleet.Tests" ]] && echo Fleet.Tests)
fi

status=0
for project in "${projects[@]}"; do
  log "testing $project"
  if ! dotnet test "$REPO/tests/$project/$project.csproj" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=minimal" \
      --results-directory "$RESULTS" -- NUnit.NumberOfTestWorkers=2; then
    status=1
  fi
done

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
reported=$(ls "$RESULTS"/*.trx 2>/dev/null | wc -l)
if (( reported < ${#projects[@]} )); then
  log "$(( ${#projects[@]} - reported )) test project(s) produced no results (crashed test host?)"
  failed=$((failed + ${#projects[@]} - reported))
fi
if (( status != 0 && failed == 0 )); then failed=1; fi

log "tests took $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
(( failed == 0 && status == 0 ))
