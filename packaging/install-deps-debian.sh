#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what Promotion Console needs to build, run its demo and run its tests on
# Debian 12. Idempotent: installs only what is missing. Needs root or sudo.
set -eu

with_npm=0
for arg in "$@"; do
    case "$arg" in
        --with-npm-tools) with_npm=1 ;;
        -h|--help) echo "usage: install-deps-debian.sh [--with-npm-tools]"; exit 0 ;;
        *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
    esac
done
[ "${PROMOTION_WITH_NPM_TOOLS:-0}" = 1 ] && with_npm=1

PACKAGES="
cmake ninja-build g++ pkg-config git ca-certificates
qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
libqt6opengl6-dev libxkbcommon-dev libgl-dev libvulkan-dev libxcb1-dev
qtkeychain-qt6-dev libyaml-cpp-dev
xvfb xauth dbus dbus-x11 gnome-keyring procps fonts-dejavu-core
python3 python3-pytest python3-pytest-cov python3-coverage flake8 mypy bandit
desktop-file-utils appstream
prometheus
"
# Optional (--with-npm-tools): the seed's type checker and a SARIF secrets scanner
# from npm, pinned to versions that run on Debian's Node 18. The demo policy does not
# need them; the test suite uses them when present.
NPM_PACKAGES="pyright@1.1.414 secretlint@9.3.4 @secretlint/secretlint-formatter-sarif@9.3.4 @secretlint/secretlint-rule-preset-recommend@9.3.4"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    SUDO="sudo"
fi

missing=""
for p in $PACKAGES; do
    # A package counts as present when dpkg says it is installed (any version).
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        # nodejs/npm may come from another source (nodesource); accept any working node + npm.
        case "$p" in
            nodejs) command -v node >/dev/null 2>&1 && continue ;;
            npm) command -v npm >/dev/null 2>&1 && continue ;;
        esac
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "install-deps: installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "install-deps: Debian packages already installed"
fi

if [ "$with_npm" = 1 ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "install-deps: installing nodejs and npm"
        $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
    fi
    npm_missing=""
    root=$(npm root -g 2>/dev/null)
    for p in $NPM_PACKAGES; do
        name=${p%@*}
        ver=${p##*@}
        if [ ! -f "$root/$name/package.json" ] || ! grep -q "\"version\": \"$ver\"" "$root/$name/package.json"; then
            npm_missing="$npm_missing $p"
        fi
    done
    if [ -n "$npm_missing" ]; then
        echo "install-deps: installing from npm:$npm_missing"
        # shellcheck disable=SC2086
        if ! $SUDO npm install -g --no-audit --no-fund --loglevel=error --fetch-retries=1 \
                --fetch-timeout=60000 $npm_missing >/dev/null; then
            echo "install-deps: WARNING: npm could not install$npm_missing (no network, or a TLS proxy" >&2
            echo "install-deps: whose CA is not trusted). They are optional; tests that need them are skipped." >&2
        fi
    else
        echo "install-deps: npm tools already installed"
    fi
fi

# KF6 SyntaxHighlighting needs Qt >= 6.5; Debian 12 has Qt 6.4, so it is not installed here
# and the built-in highlighter is used.
echo "install-deps: done"
