// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolversioncache.h"

#include "common/jsonfile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>

namespace Promotion {

namespace {
struct Cache
{
    bool loaded = false;
    QJsonObject entries;
};

Cache &cache()
{
    static Cache c;
    return c;
}

QString keyOf(const QString &resolvedPath, const QStringList &arguments)
{
    return resolvedPath + QLatin1Char('\t') + arguments.join(QLatin1Char(' '));
}

QString stampOf(const QString &resolvedPath)
{
    const QFileInfo info(resolvedPath);
    if (!info.exists())
        return {};
    // The resolved target of a symlink (python3 -> python3.11) is what changes on upgrade.
    const QFileInfo target(info.canonicalFilePath());
    return QStringLiteral("%1:%2")
        .arg(target.size())
        .arg(target.lastModified().toMSecsSinceEpoch());
}

void load()
{
    Cache &c = cache();
    if (c.loaded)
        return;
    c.loaded = true;
    if (QFile::exists(ToolVersionCache::filePath())) {
        QString error;
        if (const auto object = JsonFile::readObject(ToolVersionCache::filePath(), &error))
            c.entries = *object;
    }
}
} // namespace

QString ToolVersionCache::filePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/promotion-console/tool-versions.json");
}

std::optional<QString> ToolVersionCache::lookup(const QString &resolvedPath,
                                                const QStringList &arguments)
{
    if (resolvedPath.isEmpty())
        return std::nullopt;
    load();
    const QJsonObject entry = cache().entries.value(keyOf(resolvedPath, arguments)).toObject();
    const QString stamp = stampOf(resolvedPath);
    if (entry.isEmpty() || stamp.isEmpty() ||
        entry.value(QStringLiteral("stamp")).toString() != stamp)
        return std::nullopt;
    return entry.value(QStringLiteral("version")).toString();
}

void ToolVersionCache::store(const QString &resolvedPath, const QStringList &arguments,
                             const QString &version)
{
    const QString stamp = stampOf(resolvedPath);
    if (version.isEmpty() || stamp.isEmpty())
        return;
    load();
    cache().entries.insert(
        keyOf(resolvedPath, arguments),
        QJsonObject{{QStringLiteral("stamp"), stamp}, {QStringLiteral("version"), version}});
    QString error;
    // A cache that cannot be written only costs a probe next time.
    JsonFile::writeObject(filePath(), cache().entries, &error);
}

void ToolVersionCache::clear()
{
    cache().entries = {};
    cache().loaded = true;
    QFile::remove(filePath());
}

} // namespace Promotion
