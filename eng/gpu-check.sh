#!/usr/bin/env bash
# On a GPU machine (NVIDIA driver, CUDA 13 + cuDNN for ONNX Runtime 1.31, .NET 10 SDK, eng/prereqs.sh run):
#   eng/gpu-check.sh
# 1. builds InferenceHost and its benchmark (Release);
# 2. starts the host with Inference:Device=cuda through the benchmark's timing mode: that mode exits 2 unless every
#    model reports the CUDA provider in RepositoryIndex (Device=cuda never falls back to CPU; a model without CUDA is
#    not ready, with the reason printed);
# 3. while the models are timed, checks with nvidia-smi that the host process really holds GPU memory;
# 4. times the same three models on CPU for comparison.
# Never run here: the 2-core VM these figures come from has no GPU (services/InferenceHost/README.md).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$REPO/tests/Benchmarks/InferenceHost.Benchmarks"
command -v nvidia-smi >/dev/null || { echo "nvidia-smi not found: no NVIDIA driver on this machine"; exit 1; }
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader

dotnet build "$REPO/services/InferenceHost" -c Release -v quiet -nologo
dotnet build "$BENCH" -c Release -v quiet -nologo
DLL="$BENCH/bin/Release/net10.0/InferenceHost.Benchmarks.dll"

# The host is a child of the benchmark; nvidia-smi lists every process with a CUDA context and its GPU memory.
GPU_APPS=$(mktemp)
trap 'rm -f "$GPU_APPS"' EXIT
( while sleep 1; do nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv,noheader >>"$GPU_APPS" 2>/dev/null || true; done ) &
WATCH_PID=$!
set +e
dotnet "$DLL" --mode time --device cuda --require-provider cuda 2>&1 | grep -v '^\[inference\]'
CUDA_RC=${PIPESTATUS[0]}
set -e
kill "$WATCH_PID" 2>/dev/null || true
if [ "$CUDA_RC" -ne 0 ]; then echo "CUDA path FAILED (timing mode exited $CUDA_RC)"; exit 1; fi
if ! grep -q dotnet "$GPU_APPS"; then echo "CUDA path FAILED: nvidia-smi never showed the host holding GPU memory"; exit 1; fi
echo "GPU memory held by the host (nvidia-smi samples):"
sort -u "$GPU_APPS" | grep dotnet | tail -3

echo "for comparison, the same models on CPU:"
dotnet "$DLL" --mode time --device cpu --require-provider cpu 2>&1 | grep -v '^\[inference\]'
echo "CUDA path OK: every model ready on cuda and timed above; record the figures in services/InferenceHost/README.md"
