#!/usr/bin/env bash
# Samples the resident memory of the fleet's service processes (whatever started them: eng/run-fleet.sh, the Fleet
# tests, a load run) every 2 s until interrupted or for the given seconds, then prints, per k8s deployment name, the
# median and peak RSS in MiB as CSV: the figures tests/K8s.Tests/measured-memory.csv records and the manifests are
# sized from.
#   eng/measure-memory.sh [seconds] > measured.csv
set -euo pipefail
seconds=${1:-0}
declare -A deployment=(
  [Commerce.Gateway]=gateway [Commerce.MerchantOnboarding]=onboarding [Commerce.RecoService]=reco
  [Commerce.TryOnService]=tryon [Commerce.AsrCommentService]=asr [Commerce.CsAgentService]=csagent
  [Commerce.ClipService]=clip [Commerce.BiddingService]=bidding [Commerce.InferenceHost]=inference
)
samples=$(mktemp)
trap 'summarise; rm -f "$samples"; exit 0' INT TERM
summarise() {
  echo "deployment,median_mib,peak_mib,samples"
  # Sorted by deployment then RSS, so each deployment's values arrive in order (plain awk has no nested arrays).
  sort -k1,1 -k2,2n "$samples" | awk '
    function flush() { if (n) printf "%s,%d,%d,%d\n", d, v[int((n + 1) / 2)] / 1024, v[n] / 1024, n }
    $1 != d { flush(); d = $1; n = 0 }
    { v[++n] = $2 }
    END { flush() }'
}
started=$(date +%s)
while (( seconds == 0 || $(date +%s) - started < seconds )); do
  # The service itself, not the `dotnet run` wrapper: the apphost executable or `dotnet Commerce.X.dll`.
  ps -eo rss=,args= | while read -r rss exe rest; do
    name=$(basename "$exe")
    [[ $name == dotnet ]] && name=$(basename "${rest%% *}" .dll)
    [[ -n ${deployment[$name]:-} ]] && echo "${deployment[$name]} $rss"
  done >> "$samples" || true
  sleep 2
done
summarise
rm -f "$samples"
