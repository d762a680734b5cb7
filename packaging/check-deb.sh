#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the .deb in a clean Debian 12 root and checks it starts, as the "done when"
# asks. From the repository, after `(cd build && cpack -G DEB)`:
#   ../shared/tools/fresh-debian --copy build/promotion-console_0.1.0_amd64.deb=/tmp/promotion-console_0.1.0_amd64.deb \
#       --copy packaging/check-deb.sh=/tmp/check-deb.sh -- bash /tmp/check-deb.sh
set -x
export DEBIAN_FRONTEND=noninteractive
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }
apt-get update -qq
dpkg -i /tmp/promotion-console_0.1.0_amd64.deb   # fails on the missing dependencies: expected
apt-get -f install -y -qq || fail "apt-get -f install"
dpkg -s promotion-console | grep -q "Status: install ok installed" || fail "not installed"
promotion-console --version | grep -q "^promotion-console [0-9]" || fail "--version"
QT_QPA_PLATFORM=offscreen timeout 20 promotion-console --demo
[ $? -eq 124 ] || fail "--demo did not stay up for 20 s"
QT_QPA_PLATFORM=offscreen timeout 10 promotion-console --lang de --demo
[ $? -eq 124 ] || fail "--lang de --demo did not stay up"
apt-get install -y -qq man-db > /dev/null
MANPAGER=cat MANWIDTH=80 man promotion-console | head -25
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "man promotion-console"
for f in /usr/share/applications/io.github.promotion_console.desktop \
         /usr/share/metainfo/io.github.promotion_console.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/io.github.promotion_console.svg \
         /usr/share/icons/hicolor/48x48/apps/io.github.promotion_console.png; do
    [ -f "$f" ] || fail "$f is missing"
done
echo "check-deb: all good"
