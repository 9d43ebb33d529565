#!/usr/bin/env bash
# Runs the C# benchmarks (BenchmarkDotNet, short job, in-process) and their viem counterparts
# (every viem-*.mjs here), then prints one table: ops/s of each side and the C#/viem ratio.
# Usage: tests/OpenGradient.Ethereum.Benchmarks/run.sh [BenchmarkDotNet filters, default '*'], e.g. run.sh '*Keccak*' '*Abi*'
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -eq 0 ]; then set -- "*"; fi
artifacts="$here/BenchmarkDotNet.Artifacts"
rm -rf "$artifacts/results"

dotnet run -c Release --project "$here" -- \
  --filter "$@" --job short --inProcess --exporters json --artifacts "$artifacts"

viem_results="$(mktemp)"
trap 'rm -f "$viem_results"' EXIT
for script in "$here"/viem-*.mjs; do
  node "$script" >> "$viem_results"
done

node "$here/report.mjs" "$artifacts/results" "$viem_results"
