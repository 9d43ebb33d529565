#!/usr/bin/env bash
# The README's first command: installs what a fresh clone needs (npm packages, a Release build of the solution),
# then runs `og devnet` (Hardhat node on 127.0.0.1, Ignition deployment, sample models, staked oracle nodes, demo job).
# Arguments pass through to `og devnet`, e.g. ./scripts/devnet.sh --port 8546 --liar 3 --exit-after-demo
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "devnet.sh: the .NET 10 SDK is missing; install it (https://dot.net) and retry." >&2; exit 1; }
command -v npm >/dev/null || { echo "devnet.sh: Node.js/npm is missing; install Node 20+ with npm and retry." >&2; exit 1; }

if [ ! -x node_modules/.bin/hardhat ] || [ ! -x node_modules/.bin/node ]; then
  echo "==> installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

echo "==> building the solution (Release)"
dotnet build OpenGradient.sln --configuration Release -nologo -v quiet

echo "==> og devnet $*"
exec dotnet sdk/OpenGradient.Cli/bin/Release/net10.0/og.dll devnet "$@"
