// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <thread>

namespace Promotion {

/*!
 * \brief Fills Qt's font database on a second thread while the main window is being built.
 *
 * The first text the window lays out makes Qt fill its font database: on Linux that starts
 * fontconfig, which parses some sixty XML files and maps its caches, then lists every font.
 * Under callgrind that is 34 M of the 103 M instructions before the first paint, and nothing
 * a window without text (the start-up benchmark's baseline) ever pays. Begun once the
 * QApplication exists, it runs while the GUI thread builds the window and waits for the
 * session bus (the accessibility bridge); the GUI thread then finds the database filled, or
 * waits on Qt's lock for the rest. QFontDatabase is thread-safe (every function, as
 * documented). The destructor joins the thread, before the QApplication goes.
 */
class StartupWarmUp final
{
public:
    StartupWarmUp();
    ~StartupWarmUp();
    StartupWarmUp(const StartupWarmUp &) = delete;
    StartupWarmUp &operator=(const StartupWarmUp &) = delete;

private:
    std::thread m_fonts;
};

} // namespace Promotion
