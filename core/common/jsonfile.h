// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QJsonObject>
#include <QString>

namespace Promotion {

/*!
 * \brief Reads and writes the JSON documents the engine keeps (journal, reports).
 *
 * Writes are atomic (QSaveFile): a crash, a full disk or a read-only file
 * system leaves the old file or the new one, never half of each, and no
 * temporary file behind. Errors name the file and the system's reason.
 */
class JsonFile final
{
public:
    /*! The top-level object of \a path; nullopt with \a error when it is unreadable or not an
     * object. */
    static std::optional<QJsonObject> readObject(const QString &path, QString *error);
    /*! Write \a object to \a path atomically, creating the directory; false with \a error
     * ("cannot write <path>: <reason>") when any write, flush or commit fails. */
    static bool writeObject(const QString &path, const QJsonObject &object, QString *error);
};

} // namespace Promotion
