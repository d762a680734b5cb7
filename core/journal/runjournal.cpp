// SPDX-License-Identifier: GPL-3.0-or-later
#include "runjournal.h"

#include "common/jsonfile.h"

#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>

namespace Promotion {

RunJournal::RunJournal(const QString &runsDir)
    : m_runsDir(runsDir)
{
}

QString RunJournal::newRunId(const QString &component, const QString &to)
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString salt = QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                             .rightJustified(4, QLatin1Char('0'));
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
    return JsonFile::writeObject(statePath(state.runId), state.toJson(), error);
}

std::optional<RunState> RunJournal::load(const QString &runId, QString *error) const
{
    const std::optional<QJsonObject> object = JsonFile::readObject(statePath(runId), error);
    if (!object)
        return std::nullopt;
    RunState state = RunState::fromJson(*object);
    if (state.runId != runId) {
        if (error)
            *error = QStringLiteral("%1: run id %2 does not match its directory")
                         .arg(statePath(runId), state.runId);
        return std::nullopt;
    }
    return state;
}

QList<RunState> RunJournal::unfinished(const QString &component) const
{
    QList<RunState> result;
    const QStringList ids =
        QDir(m_runsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &id : ids) {
        QString error;
        const std::optional<RunState> state = load(id, &error);
        if (!state || (state->isFinished() && !state->needsReport()))
            continue;
        if (!component.isEmpty() && state->request.component != component)
            continue;
        result.append(*state);
    }
    return result;
}

} // namespace Promotion
