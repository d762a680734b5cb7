// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfile.h"

#include <cerrno>
#include <cstring>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <sys/stat.h>
#include <unistd.h>

namespace Promotion {

namespace {

/*! Why `mkpath(dir)` failed: the first missing component that mkdir(2) refuses, and why. */
QString whyNoDirectory(const QString &dir)
{
    QString existing = dir;
    QStringList missing;
    while (!QFileInfo::exists(existing)) {
        missing.prepend(QFileInfo(existing).fileName());
        const QString parent = QFileInfo(existing).path();
        if (parent == existing)
            break;
        existing = parent;
    }
    if (!QFileInfo(existing).isDir())
        return QStringLiteral("%1 is not a directory").arg(existing);
    const QString next =
        missing.isEmpty() ? existing : existing + QLatin1Char('/') + missing.first();
    if (::mkdir(QFile::encodeName(next).constData(), 0777) != 0)
        return QStringLiteral("cannot create the directory %1: %2")
            .arg(next, QString::fromLocal8Bit(std::strerror(errno)));
    return QStringLiteral("cannot create the directory %1").arg(dir);
}

} // namespace

std::optional<QJsonObject> JsonFile::readObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                         .arg(path, parseError.error == QJsonParseError::NoError
                                        ? QStringLiteral("another JSON value")
                                        : parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return doc.object();
}

bool JsonFile::writeObject(const QString &path, const QJsonObject &object, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, reason);
        return false;
    };
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(whyNoDirectory(dir));
    const QByteArray data = QJsonDocument(object).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        // QSaveFile says "Existing file ... is not writable" without the reason; ask the system.
        const QByteArray probe = QFile::encodeName(QFileInfo::exists(path) ? path : dir);
        if (::access(probe.constData(), W_OK) != 0)
            return fail(QString::fromLocal8Bit(std::strerror(errno)));
        return fail(file.errorString());
    }
    // QSaveFile buffers: a full disk shows at write(), flush() or commit(), whichever reaches
    // the device first. Any failure cancels, so the previous file stays as it was and the
    // temporary file is removed.
    if (file.write(data) != data.size() || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace Promotion
