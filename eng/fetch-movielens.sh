#!/usr/bin/env bash
# Fetches the MovieLens "small" ratings (100k ratings) for benchmarks only, pinned in eng/movielens.lock,
# to eng/artifacts/data/ratings_small.csv. MovieLens terms: never commit or redistribute the file.
#   eng/fetch-movielens.sh [--record]
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
for arg in "$@"; do
  case "$arg" in
    --record) export RECORD_SHA256=1 ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
# shellcheck source=lib/fetch-lib.sh
. "$REPO/eng/lib/fetch-lib.sh"
mkdir -p "$ART" "$LOGS"

process_lock_file "$ENG/movielens.lock"
log "movielens data ready: $ART/data/ratings_small.csv"
