#!/usr/bin/env bash
# Installs every build, test and benchmark dependency. Idempotent: re-running it is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  clang-14 libclang-rt-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libboost-dev libboost-system-dev
  nlohmann-json3-dev libfmt-dev libre2-dev libxxhash-dev
  libzstd-dev liblz4-dev libsnappy-dev zlib1g-dev libssl-dev
  libedit-dev libpq-dev libicu-dev
)
# Node.js runs the reference engines in tests and benchmarks; keep a preinstalled one.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Reference engines and clients used only by tests and benchmarks (never by the engine).
# Reinstall when package.json or the lock file changed since the last install.
if [ -f package.json ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ] ||
     { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    npm install --no-audit --no-fund
  fi
fi
