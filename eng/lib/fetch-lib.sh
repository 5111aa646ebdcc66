# shellcheck shell=bash
# Shared helpers for eng/prereqs.sh and eng/fetch-movielens.sh. Source it; do not run it.
# Needs: REPO (repository root) set by the caller.

ENG="$REPO/eng"
ART="$ENG/artifacts"
SHA_FILE="$ENG/models.sha256"
STAMPS="$ART/.stamps"
LOGS="$ART/logs"
# Set RECORD_SHA256=1 (or pass --record to the scripts) to append the sha256 of a newly
# pinned file to eng/models.sha256 instead of failing because it is not pinned yet.
RECORD_SHA256="${RECORD_SHA256:-0}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

sha512_b64() { openssl dgst -sha512 -binary "$1" | base64 -w0; }
sha256_hex() { sha256sum "$1" | cut -d' ' -f1; }

# pinned_sha256 REL -> prints the pinned hex for path REL (relative to eng/artifacts), or nothing.
pinned_sha256() { [[ -f "$SHA_FILE" ]] || return 0; awk -v p="$1" '$2 == p { print $1; exit }' "$SHA_FILE"; }

# check_sha256 REL -> 0 if the file exists and matches its pinned sha256.
check_sha256() {
  local rel=$1 want
  want=$(pinned_sha256 "$rel")
  [[ -n "$want" && -f "$ART/$rel" ]] || return 1
  [[ "$(sha256_hex "$ART/$rel")" == "$want" ]]
}

# verify_integrity FILE INTEGRITY -> 0 if FILE matches "sha512-<base64>" or "sha256-<hex>".
verify_integrity() {
  local file=$1 integ=$2
  case "$integ" in
    sha512-*) [[ "$(sha512_b64 "$file")" == "${integ#sha512-}" ]] ;;
    sha256-*) [[ "$(sha256_hex "$file")" == "${integ#sha256-}" ]] ;;
    *) die "unsupported integrity format '$integ' (want sha512-... or sha256-...)" ;;
  esac
}

# stamp_key SPEC -> file-name-safe key
stamp_key() { local k=${1//\//_}; k=${k//@/_}; k=${k//:/_}; printf '%s' "${k//=/_}"; }

# fetch_package SPEC -> downloads (if needed) into $PKG_FILE and verifies it against $INTEG.
fetch_package() {
  local spec=$1 integ=$2 tmp
  mkdir -p "$ART/npm" "$ART/deb" "$LOGS"
  if [[ "$spec" == deb:* ]]; then
    local pv=${spec#deb:} pkg ver
    pkg=${pv%%=*}; ver=${pv#*=}
    PKG_FILE="$ART/deb/${pkg}_${ver//:/%3a}.deb"
    if [[ -f "$PKG_FILE" ]] && verify_integrity "$PKG_FILE" "$integ"; then return 0; fi
    rm -f "$PKG_FILE"
    tmp=$(mktemp -d "$ART/.dl.XXXXXX")
    # apt-get download needs the package lists; refresh them once if the version is unknown.
    if ! (cd "$tmp" && apt-get download -qq -o APT::Sandbox::User=root "$pkg=$ver") >>"$LOGS/apt-download.log" 2>&1; then
      apt-get update -qq >>"$LOGS/apt-download.log" 2>&1 || true
      (cd "$tmp" && apt-get download -qq -o APT::Sandbox::User=root "$pkg=$ver") >>"$LOGS/apt-download.log" 2>&1 \
        || { rm -rf "$tmp"; die "apt-get download $pkg=$ver failed (version no longer in the archive? see $LOGS/apt-download.log; re-pin in eng/models.lock)"; }
    fi
    mv "$tmp"/*.deb "$PKG_FILE"; rm -rf "$tmp"
  else
    local name=${spec%@*} ver=${spec##*@} base
    base=${name#@}; base=${base//\//-}
    PKG_FILE="$ART/npm/$base-$ver.tgz"
    if [[ -f "$PKG_FILE" ]] && verify_integrity "$PKG_FILE" "$integ"; then return 0; fi
    rm -f "$PKG_FILE"
    command -v npm >/dev/null || die "npm is not on PATH (needed to fetch $spec)"
    (cd "$ART/npm" && npm pack "$spec" --pack-destination "$ART/npm" --silent \
        --no-update-notifier --no-fund --no-audit) >>"$LOGS/npm-pack.log" 2>&1 \
      || die "npm pack $spec failed (see $LOGS/npm-pack.log)"
    [[ -f "$PKG_FILE" ]] || die "npm pack $spec did not produce $PKG_FILE"
  fi
  if ! verify_integrity "$PKG_FILE" "$integ"; then
    rm -f "$PKG_FILE"
    die "integrity mismatch for $spec: expected $integ; the downloaded file was deleted. If the new version is intended, re-pin it in the lock file (see eng/README.md)."
  fi
}

# process_lock_line LINE -> one progress line; fetches/extracts/verifies one package.
process_lock_line() {
  local spec integ files arrow dest extra
  read -r spec integ files arrow dest extra <<<"$1"
  [[ "$arrow" == "->" && -n "$dest" && -z "$extra" ]] || die "malformed lock line: $1"
  dest=${dest%/}
  local -a list rels=()
  IFS=, read -r -a list <<<"$files"
  local f
  for f in "${list[@]}"; do rels+=("$dest/$(basename "$f")"); done
  local key stamp
  key=$(stamp_key "$spec"); stamp="$STAMPS/$key"
  local what="$spec -> ${rels[*]}"

  # Fast path: stamp records the same lock line and every file matches its pinned sha256.
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$spec $integ $files -> $dest" ]]; then
    local ok=1 r
    for r in "${rels[@]}"; do check_sha256 "$r" || { ok=0; break; }; done
    if (( ok )); then log "prerequisite: $what: up to date"; return 0; fi
  fi

  log "prerequisite: $what: fetching"
  fetch_package "$spec" "$integ"
  local tmp; tmp=$(mktemp -d "$ART/.x.XXXXXX")
  local -a members=()
  if [[ "$spec" == deb:* ]]; then
    for f in "${list[@]}"; do members+=("./$f"); done
    dpkg-deb --fsys-tarfile "$PKG_FILE" | tar -x -C "$tmp" --no-same-owner --no-same-permissions "${members[@]}" \
      || { rm -rf "$tmp"; die "could not extract ${list[*]} from $PKG_FILE"; }
    local root="$tmp"
  else
    for f in "${list[@]}"; do members+=("package/$f"); done
    tar -xzf "$PKG_FILE" -C "$tmp" --no-same-owner --no-same-permissions "${members[@]}" \
      || { rm -rf "$tmp"; die "could not extract ${list[*]} from $PKG_FILE"; }
    local root="$tmp/package"
  fi
  mkdir -p "$ART/$dest"
  local i
  for i in "${!list[@]}"; do
    local rel=${rels[$i]} want got
    install -m 0644 "$root/${list[$i]}" "$ART/$rel"
    got=$(sha256_hex "$ART/$rel"); want=$(pinned_sha256 "$rel")
    if [[ -z "$want" ]]; then
      if [[ "$RECORD_SHA256" == 1 ]]; then
        printf '%s  %s\n' "$got" "$rel" >>"$SHA_FILE"
        log "  recorded sha256 $got for $rel in eng/models.sha256"
      else
        rm -f "$ART/$rel"; rm -rf "$tmp"
        die "no sha256 pinned for $rel in eng/models.sha256 (re-run with --record after re-pinning)"
      fi
    elif [[ "$got" != "$want" ]]; then
      rm -f "$ART/$rel"; rm -rf "$tmp"
      die "sha256 mismatch for $rel: expected $want, got $got; the file was deleted."
    fi
  done
  rm -rf "$tmp"
  mkdir -p "$STAMPS"
  printf '%s\n' "$spec $integ $files -> $dest" >"$stamp"
}

# process_lock_file FILE -> processes every non-comment line.
process_lock_file() {
  local line
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    process_lock_line "$line"
  done <"$1"
}
