# shellcheck shell=bash
# AsrCommentService: real read-speech recordings for the WER evaluation (Debian's pocketsphinx-testdata, the librivox
# clips with their transcription). Sourced by eng/prereqs.sh; idempotent. The espeak-ng host utterances are
# synthesised by the tests themselves into eng/artifacts/asr/tts (regenerated when missing, never committed).
ASR_TESTDATA_VERSION="0.8+5prealpha+1-15"
if [[ "$(dpkg-query -W -f='${Version} ${db:Status-Abbrev}' pocketsphinx-testdata 2>/dev/null)" == "$ASR_TESTDATA_VERSION ii "* ]]; then
  log "prerequisite: pocketsphinx-testdata $ASR_TESTDATA_VERSION: up to date"
else
  log "prerequisite: pocketsphinx-testdata $ASR_TESTDATA_VERSION: installing"
  DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
    "pocketsphinx-testdata=$ASR_TESTDATA_VERSION" >>"$LOGS/apt.log" 2>&1 || die "apt-get install pocketsphinx-testdata failed (log: $LOGS/apt.log)"
fi
mkdir -p "$ART/asr/tts"
