#!/usr/bin/env bash
# Runs every test of the project: the Hardhat contract tests, then every .NET test project.
# Installs what is missing first (npm packages, NuGet packages), so it works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/hardhat ]; then
  echo "==> installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

echo "==> contracts: hardhat test"
npx hardhat test

echo "==> .NET: dotnet test OpenGradient.sln"
dotnet test OpenGradient.sln --configuration Release --logger "console;verbosity=normal"
