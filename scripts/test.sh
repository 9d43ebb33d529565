#!/usr/bin/env bash
# Runs every test of the project: the Hardhat contract tests, then every .NET test project
# (unit, golden-vector, differential, property, integration and end-to-end tests).
# Installs what is missing first (npm packages; NuGet packages come with dotnet's restore), so it
# works on a fresh clone. Ends with one summary line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is not on PATH; install it, then run this again" >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js 20+ with npm is not on PATH; install it, then run this again" >&2
  exit 1
fi
if [ ! -x node_modules/.bin/hardhat ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing npm packages (npm ci)"
  npm ci --no-audit --no-fund || { echo "error: npm ci failed; see the output above" >&2; exit 1; }
fi

started=$(date +%s)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

echo "==> contracts: hardhat test"
npx hardhat test 2>&1 | tee "$logs/hardhat.log"
hardhat_rc=${PIPESTATUS[0]}

echo "==> .NET: dotnet test OpenGradient.sln"
dotnet test OpenGradient.sln --configuration Release 2>&1 | tee "$logs/dotnet.log"
dotnet_rc=${PIPESTATUS[0]}

# Sum the runners' own counts: Hardhat prints "N passing" / "N failing" / "N pending";
# dotnet test prints one "Passed!|Failed!  - Failed: a, Passed: b, Skipped: c, Total: d" per project.
sum() { awk '{ s += $1 } END { print s + 0 }'; }
hh_passed=$(grep -Eo '^[[:space:]]*[0-9]+ passing' "$logs/hardhat.log" | grep -Eo '[0-9]+' | sum)
hh_failed=$(grep -Eo '^[[:space:]]*[0-9]+ failing' "$logs/hardhat.log" | grep -Eo '[0-9]+' | sum)
hh_skipped=$(grep -Eo '^[[:space:]]*[0-9]+ pending' "$logs/hardhat.log" | grep -Eo '[0-9]+' | sum)
dn_failed=$(grep -Eo 'Failed:[[:space:]]+[0-9]+,' "$logs/dotnet.log" | grep -Eo '[0-9]+' | sum)
dn_passed=$(grep -Eo 'Passed:[[:space:]]+[0-9]+,' "$logs/dotnet.log" | grep -Eo '[0-9]+' | sum)
dn_skipped=$(grep -Eo 'Skipped:[[:space:]]+[0-9]+,' "$logs/dotnet.log" | grep -Eo '[0-9]+' | sum)

failed=$((hh_failed + dn_failed))
# A runner that crashed before reporting still fails the run, counted as one failure.
[ "$hardhat_rc" -ne 0 ] && [ "$hh_failed" -eq 0 ] && failed=$((failed + 1))
[ "$dotnet_rc" -ne 0 ] && [ "$dn_failed" -eq 0 ] && failed=$((failed + 1))

echo
echo "contracts (hardhat): ${hh_passed} passed, ${hh_failed} failed, ${hh_skipped} skipped"
echo ".NET (dotnet test):  ${dn_passed} passed, ${dn_failed} failed, ${dn_skipped} skipped"
echo "duration: $(( $(date +%s) - started )) s"
echo "$((hh_passed + dn_passed)) passed, ${failed} failed, $((hh_skipped + dn_skipped)) skipped"
[ "$failed" -eq 0 ]
