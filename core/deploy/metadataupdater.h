// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/filechange.h"
#include "deploy/metadatainput.h"

#include <QList>
#include <QString>

namespace Promotion {

/*!
 * \brief Step 5's metadata and documentation edits: planned as exact bytes, shown
 * as a diff, written only on request.
 *
 * plan() reads src/{component}/__init__.py and src/{component}/README.md (its
 * only I/O) and returns the changes PythonModuleMetadata and ComponentReadme
 * compute; files that would not change are left out. apply() writes them.
 * A dry run calls plan() and diff() and never apply().
 */
class MetadataUpdater final
{
public:
    /*!
     * The changes, in the order __init__.py, README.md. On failure returns an
     * empty list and sets \a error to a message naming the file (and line).
     * Valid input: an existing workspace, a component name that is a Python
     * identifier with an existing src/{component}/__init__.py, a stage made of
     * letters, digits, '_' and '-', a valid date, and coverage within 0..100.
     * Both files must be UTF-8 (a byte order mark is kept).
     */
    static QList<FileChange> plan(const MetadataInput &input, QString *error);

    /*!
     * Writes each change atomically (QSaveFile). Before writing anything it
     * checks every file still holds \c before (or, for created files, does not
     * exist), so edits made since the plan are never overwritten. If a write
     * fails, files already written are restored. Returns false with \a error set.
     */
    static bool apply(const QList<FileChange> &changes, QString *error);

    /*!
     * The `__version__` string literal of an __init__.py's bytes (as read by
     * Workspace::readAssignment), empty when there is none; e.g. the version a
     * planned change will deploy.
     */
    static QString versionOf(const QByteArray &initSource);

    /*! All changes as one unified diff (created files from /dev/null). */
    static QString diff(const QList<FileChange> &changes, int context = 3);
};

} // namespace Promotion
