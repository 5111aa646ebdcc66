# shellcheck shell=bash
# InferenceHost's model repository (eng/artifacts/model-repository, Triton layout): garment_type (trained on Debian's
# Fashion-MNIST, ~1 min), tryon_composer (an ONNX graph built in C#), frame_embedder (ResNet18 from the pinned NuGet
# package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1). Built by services/ModelBuilder; each model is rebuilt only
# when the hash of its inputs (builder sources, pinned package versions, data set) differs from its stamp.
# Sourced by eng/prereqs.sh (log, die, ART, STAMPS, REPO are set there). Other models (clip_scorer) are left alone.

inference_models() {
  local repo_dir="$ART/model-repository" builder="$REPO/services/ModelBuilder"
  local datasets=/usr/share/datasets/fashion-mnist
  mkdir -p "$repo_dir" "$STAMPS"
  command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (needed to build the inference models)"

  # Inputs every model shares: the builder's common code and the pinned versions of the packages it uses.
  local common
  common=$(cat "$builder/Commerce.ModelBuilder.csproj" "$builder/Program.cs" "$builder/ModelConfig.cs" "$builder/OnnxGraph.cs" \
           <(grep -E 'Microsoft\.ML|OnnxSharp|Google\.Protobuf' "$REPO/Directory.Packages.props") | sha256sum | cut -d' ' -f1)

  local -A inputs=(
    [garment_type]="$builder/GarmentTypeModel.cs $builder/FashionMnist.cs $datasets/train-images-idx3-ubyte.gz $datasets/train-labels-idx1-ubyte.gz"
    [tryon_composer]="$builder/TryOnComposerGraph.cs"
    [frame_embedder]="$builder/FrameEmbedderModel.cs"
  )
  local -a stale=()
  local model hash stamp
  for model in garment_type tryon_composer frame_embedder; do
    # shellcheck disable=SC2086
    hash=$( { echo "$common"; sha256sum ${inputs[$model]} | cut -d' ' -f1; } | sha256sum | cut -d' ' -f1)
    stamp="$STAMPS/inference-model-$model"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" && -f "$repo_dir/$model/1/model.onnx" && -f "$repo_dir/$model/config.json" ]]; then
      log "prerequisite: inference model $model: up to date"
    else
      stale+=("$model")
    fi
  done
  (( ${#stale[@]} == 0 )) && return 0

  log "prerequisite: inference models ${stale[*]}: building (garment_type trains for about a minute)"
  dotnet run --project "$builder/Commerce.ModelBuilder.csproj" -c Release -- "$repo_dir" "${stale[@]}" \
      >>"$LOGS/inference-models.log" 2>&1 \
    || { tail -20 "$LOGS/inference-models.log" >&2; die "building inference models failed (log: $LOGS/inference-models.log)"; }
  for model in "${stale[@]}"; do
    # shellcheck disable=SC2086
    hash=$( { echo "$common"; sha256sum ${inputs[$model]} | cut -d' ' -f1; } | sha256sum | cut -d' ' -f1)
    printf '%s\n' "$hash" >"$STAMPS/inference-model-$model"
    log "prerequisite: inference model $model: built"
  done
}
inference_models
