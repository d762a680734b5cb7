// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Remembers what `<tool> --version` said, keyed by the tool's resolved
 * path, size and modification time, so a run starts no process to ask again.
 *
 * A tool's version belongs to the installed file, not to a workspace, so the
 * cache lives in the user's cache folder
 * (`~/.cache/promotion-console/tool-versions.json`). An upgrade changes the
 * file's size or time, and the entry no longer matches.
 */
class ToolVersionCache final
{
public:
    /*! The cached version of \a resolvedPath asked with \a arguments; nullopt when unknown. */
    static std::optional<QString> lookup(const QString &resolvedPath, const QStringList &arguments);
    /*! Remember \a version (an empty one is not cached: the tool could not tell). */
    static void store(const QString &resolvedPath, const QStringList &arguments,
                      const QString &version);
    /*! The file the cache is kept in. */
    static QString filePath();
    /*! Forget everything (tests, benchmarks of a first run). */
    static void clear();
};

} // namespace Promotion
