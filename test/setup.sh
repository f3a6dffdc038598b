#!/usr/bin/env bash
# Everything the whole test suite needs on a fresh Debian machine, beyond Node: the editors the
# end-to-end tests drive (Neovim as an LSP client), then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "test/setup.sh: installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
