// SPDX-License-Identifier: GPL-3.0-or-later
#include "runjournal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

namespace Promotion {

RunJournal::RunJournal(const QString &runsDir)
    : m_runsDir(runsDir)
{
}

QString RunJournal::newRunId(const QString &component, const QString &to)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString salt = QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, QLatin1Char('0'));
    return QStringLiteral("%1-%2-%3-%4").arg(stamp, component, to, salt);
}

QString RunJournal::runDir(const QString &runId) const
{
    return m_runsDir + QLatin1Char('/') + runId;
}

QString RunJournal::artifactsDir(const QString &runId) const
{
    return runDir(runId) + QStringLiteral("/artifacts");
}

QString RunJournal::statePath(const QString &runId) const
{
    return runDir(runId) + QStringLiteral("/state.json");
}

bool RunJournal::save(const RunState &state, QString *error) const
{
    if (!QDir().mkpath(runDir(state.runId))) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(runDir(state.runId));
        return false;
    }
    QSaveFile file(statePath(state.runId));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

std::optional<RunState> RunJournal::load(const QString &runId, QString *error) const
{
    QFile file(statePath(runId));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: not a run journal (%2 at offset %3)")
                         .arg(file.fileName(), parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    RunState state = RunState::fromJson(doc.object());
    if (state.runId != runId) {
        if (error)
            *error = QStringLiteral("%1: run id %2 does not match its directory").arg(file.fileName(), state.runId);
        return std::nullopt;
    }
    return state;
}

QList<RunState> RunJournal::unfinished(const QString &component) const
{
    QList<RunState> result;
    const QStringList ids = QDir(m_runsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &id : ids) {
        QString error;
        const std::optional<RunState> state = load(id, &error);
        if (!state || state->outcome != QLatin1String("running"))
            continue;
        if (!component.isEmpty() && state->request.component != component)
            continue;
        result.append(*state);
    }
    return result;
}

} // namespace Promotion
