#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build, and start Promotion Console on a fresh copy of the demo workspace.
set -eu
cd "$(dirname "$0")/.."
sh packaging/install-deps-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target promotion-console
exec ./build/app/promotion-console --demo "$@"
