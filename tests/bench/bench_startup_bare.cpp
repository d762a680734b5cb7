// SPDX-License-Identifier: GPL-3.0-or-later
// bench_startup's baseline: a bare QApplication with one QWidget, nothing else. It is an
// executable of its own, linked to QtWidgets alone (and what QtWidgets needs), so that the
// libraries the benchmark itself uses (QtNetwork, QtDBus, xcb, the project's core) are not
// loaded into the baseline: each is bound before main() (Debian's Qt is linked with BIND_NOW)
// and would slow the bare window down, flattering the ratio.
//
// With --label the window shows one line of text, and the font database is filled on a second
// thread as promotion-console fills it (app/startupwarmup.h): the least any window that shows
// text pays, which the benchmark prints as the floor beside the target.
#include "firstpaintprobe.h"
#include "startupwarmup.h"

#include <optional>
#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    std::optional<Promotion::StartupWarmUp> warmUp; // joined before the application goes
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare"));
    window.resize(800, 600);
    if (QApplication::arguments().contains(QStringLiteral("--label"))) {
        warmUp.emplace();
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QLabel(QStringLiteral("Promotion Console"), &window));
    }
    Promotion::FirstPaintProbe probe; // prints "painted" after the first paint
    window.installEventFilter(&probe);
    window.show();
    return QApplication::exec();
}
