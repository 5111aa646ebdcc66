# shellcheck shell=bash
# ClipService: trains the clip_scorer model (ML.NET FastTree on generated labelled sessions, exported to ONNX) into
# the model repository InferenceHost serves. Sourced by eng/prereqs.sh (uses REPO, ART, STAMPS, log, die).
# Built once per machine: skipped while the hash of its inputs (generator, features, trainer, package versions) is
# unchanged and the model exists. About 40 s on 2 cores when it runs.

clip_model_dir="$ART/model-repository/clip_scorer/1"
clip_model="$clip_model_dir/model.onnx"
clip_stamp="$STAMPS/clip_scorer.inputs.sha256"
clip_hash=$(cd "$REPO" && cat Directory.Packages.props \
    services/ClipService/Domain/*.cs services/ClipService/ClipService.csproj \
    services/ClipService.Training/*.cs services/ClipService.Training/*.csproj | sha256sum | cut -d' ' -f1)

if [[ -f "$clip_model" && -f "$clip_stamp" && "$(cat "$clip_stamp")" == "$clip_hash" ]]; then
  log "  clip_scorer: up to date (inputs $clip_hash)"
else
  log "  clip_scorer: training (inputs changed or model missing)"
  mkdir -p "$clip_model_dir" "$STAMPS" "$LOGS"
  dotnet build "$REPO/services/ClipService.Training/ClipService.Training.csproj" -c Release -nologo -v:q -clp:ErrorsOnly \
      >>"$LOGS/clip-scorer.log" 2>&1 || { tail -20 "$LOGS/clip-scorer.log" >&2; die "clip_scorer trainer build failed (log: $LOGS/clip-scorer.log)"; }
  dotnet "$REPO/services/ClipService.Training/bin/Release/net10.0/Commerce.ClipService.Training.dll" train "$clip_model.tmp" \
      >>"$LOGS/clip-scorer.log" 2>&1 || { tail -20 "$LOGS/clip-scorer.log" >&2; die "clip_scorer training failed (log: $LOGS/clip-scorer.log)"; }
  mv "$clip_model.tmp" "$clip_model"
  # InferenceHost's per-model config (Triton field names; dims exclude the batch dimension).
  cat >"$ART/model-repository/clip_scorer/config.json" <<'JSON'
{
  "name": "clip_scorer",
  "platform": "onnxruntime_onnx",
  "max_batch_size": 65536,
  "max_queue_delay_ms": 0,
  "inputs": [{ "name": "Features", "datatype": "FP32", "dims": [26] }],
  "outputs": [{ "name": "Score.output", "datatype": "FP32", "dims": [1] }]
}
JSON
  printf '%s\n' "$clip_hash" >"$clip_stamp"
  log "  clip_scorer: $(grep -c . "$LOGS/clip-scorer.log") log lines; $(grep 'held-out' "$LOGS/clip-scorer.log" | tail -3 | tr '\n' ';')"
fi
