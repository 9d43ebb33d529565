#!/usr/bin/env bash
# Runs the SDK overhead benchmark briefly (BenchmarkDotNet short job, Release) and prints the ratio
# "SDK path / raw ONNX Runtime run" from the report. Usage: tests/OpenGradient.Sdk.Benchmarks/run.sh [extra BDN args]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
dotnet run -c Release --project "$here" -- --filter '*SdkOverheadBenchmarks*' --job short --inProcess --exporters csv --artifacts "$out" "$@"
report="$(ls "$out"/results/*SdkOverheadBenchmarks-report.csv)"
python3 - "$report" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def ns(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
by = {r["Method"]: ns(r["Mean"]) for r in rows}
raw = next(v for k, v in by.items() if "raw" in k)
sdk = next(v for k, v in by.items() if "SDK" in k)
for k, v in by.items():
    print(f"{k}: {v/1000:.1f} us")
print(f"ratio SDK path / raw ONNX run = {sdk/raw:.2f}  (SDK-only overhead = {(sdk-raw)/1000:.1f} us per job)")
PY
