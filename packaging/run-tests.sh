#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install what is missing, build everything, and run the whole test suite through ctest.
set -eu
cd "$(dirname "$0")/.."
sh packaging/install-deps-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
ctest --test-dir build --output-on-failure --timeout 600 "$@"
