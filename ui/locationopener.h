// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace Promotion {

/*!
 * \brief Opens a file or a folder with the desktop's launcher, and says so when there is
 * none (a minimal desktop, a container), offering to copy the path instead.
 */
class LocationOpener final
{
    Q_DECLARE_TR_FUNCTIONS(Promotion::LocationOpener)

public:
    /*! Opens \a path; when that fails, shows a window-modal box (object name
     *  "noLauncherBox", without a nested event loop) with "Copy Path". Returns whether the
     *  launcher took it. */
    static bool open(QWidget *parent, const QString &path);
};

} // namespace Promotion
