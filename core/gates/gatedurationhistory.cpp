// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatedurationhistory.h"

#include "common/jsonfile.h"

#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>

namespace Promotion {

namespace {
QJsonObject &entries()
{
    static QJsonObject e;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        QString error;
        if (QFile::exists(GateDurationHistory::filePath())) {
            if (const auto object = JsonFile::readObject(GateDurationHistory::filePath(), &error))
                e = *object;
        }
    }
    return e;
}

QString keyOf(const QString &gateId, const QString &program)
{
    return gateId + QLatin1Char('\t') + program;
}
} // namespace

QString GateDurationHistory::filePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/promotion-console/gate-durations.json");
}

qint64 GateDurationHistory::expectedMs(const QString &gateId, const QString &program)
{
    return entries().value(keyOf(gateId, program)).toInteger();
}

void GateDurationHistory::record(const QString &gateId, const QString &program, qint64 durationMs)
{
    if (durationMs <= 0)
        return;
    const qint64 old = expectedMs(gateId, program);
    // The slowest recent run; an old maximum fades by a fifth per run.
    const qint64 updated = qMax(durationMs, old * 4 / 5);
    if (updated == old)
        return;
    entries().insert(keyOf(gateId, program), updated);
    QString error;
    JsonFile::writeObject(filePath(), entries(), &error); // a lost figure only costs order
}

} // namespace Promotion
