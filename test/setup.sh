#!/usr/bin/env bash
# Everything the whole test suite needs on a fresh Debian machine, beyond Node: the editors and
# the browser the end-to-end tests drive (Neovim as an LSP client, Debian's Chromium for the
# preview, the HTML export and VS Code for the Web), then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "test/setup.sh: installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# no browser download from npm (the tests use Debian's Chromium): package.json's allowScripts
# denies @playwright/browser-chromium its install script, so no variable is needed
npm ci --no-audit --no-fund
