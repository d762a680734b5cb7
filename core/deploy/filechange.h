// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Promotion {

/*! One planned file edit: the exact bytes before and after. */
struct FileChange
{
    QString
        relativePath; //!< relative to the workspace root, '/'-separated, e.g. "src/x/__init__.py"
    QString absolutePath;
    QByteArray before; //!< empty when created
    QByteArray after;
    bool created = false; //!< the file does not exist yet
};

} // namespace Promotion
