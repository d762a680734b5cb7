// SPDX-License-Identifier: GPL-3.0-or-later
// bench_startup's baseline: a bare QApplication with one QWidget, nothing else. It is an
// executable of its own, linked to QtWidgets alone (and what QtWidgets needs), so that the
// libraries the benchmark itself uses (QtNetwork, QtDBus, xcb, the project's core) are not
// loaded into the baseline: each is bound before main() (Debian's Qt is linked with BIND_NOW)
// and would slow the bare window down, flattering the ratio.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare"));
    window.resize(800, 600);
    Promotion::FirstPaintProbe probe; // prints "painted" after the first paint, and quits
    window.installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}
