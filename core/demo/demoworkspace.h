// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief The small Python repository embedded in the binary, copied out so a
 * new user can try a real promotion without touching their own code.
 */
class DemoWorkspace final
{
public:
    /*!
     * Copy the embedded demo into \a targetDir (created; must be empty or absent),
     * make scripts executable, then `git init` and commit it so the workspace has
     * history like a real repository. Returns an empty string on success, otherwise
     * a message saying what failed and what to do.
     */
    static QString extractTo(const QString &targetDir);

    /*! A new directory under the system temp dir for a demo copy. */
    static QString createTemporaryLocation();

    /*! Relative paths of every embedded file, sorted. */
    static QStringList files();
};

} // namespace Promotion
