// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <QCoreApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>

namespace Promotion {

/*!
 * \brief For the start-up benchmark (tests/bench/bench_startup): installed on a window, prints
 * "painted" once that window's first paint is done.
 *
 * promotion-console installs it when PROMOTION_STARTUP_PROBE is set; the benchmark's bare
 * window uses the same one, so both report the same moment. The application goes on: the
 * benchmark ends it once it has also seen the window mapped. (Quitting here let a window that
 * painted right after it mapped be gone before the benchmark could read whose it was.)
 */
class FirstPaintProbe final : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // After the paint: the event loop's next turn.
            QTimer::singleShot(0, QCoreApplication::instance(), [] {
                std::printf("painted\n");
                std::fflush(stdout);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace Promotion
