#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run a test inside a private D-Bus session with an unlocked gnome-keyring and a
# temporary HOME, so it never touches the user's real keychain.
set -eu
[ $# -ge 1 ] || { echo "usage: run-with-keyring.sh PROGRAM [ARGS...]" >&2; exit 2; }
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "run-with-keyring.sh: '$tool' is missing; run packaging/install-deps-debian.sh" >&2; exit 2; }
done
tmp_home=$(mktemp -d "${TMPDIR:-/tmp}/promotion-keyring.XXXXXX")
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" XDG_CONFIG_HOME="$tmp_home/.config"
export XDG_RUNTIME_DIR="$tmp_home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
