#!/usr/bin/env bash
# Runs the node overhead benchmark briefly (BenchmarkDotNet short job, in process, Release) and prints, per model,
# raw ONNX Runtime vs the node's step, their ratio and the node's added microseconds per job.
# Usage: [BENCH_JOB=short|medium|long] tests/OpenGradient.Oracle.Benchmarks/run.sh [extra BenchmarkDotNet args]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
dotnet run -c Release --project "$here" -- --filter '*NodeOverheadBenchmarks*' --job "${BENCH_JOB:-short}" --inProcess --exporters csv --artifacts "$out" "$@"
report="$(ls "$out"/results/*NodeOverheadBenchmarks-report.csv)"
python3 - "$report" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def ns(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
models = {}
for r in rows:
    models.setdefault(r["Model"], {})["raw" if "raw" in r["Method"] else "node"] = ns(r["Mean"])
print(f"{'model':<22} {'raw ORT':>10} {'node step':>10} {'ratio':>7} {'added':>10}")
for name, m in models.items():
    raw, node = m["raw"], m["node"]
    print(f"{name:<22} {raw/1000:>8.2f}us {node/1000:>8.2f}us {node/raw:>7.3f} {(node-raw)/1000:>8.2f}us  ({(node/raw-1)*100:+.1f} %)")
PY
