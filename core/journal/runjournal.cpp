// SPDX-License-Identifier: GPL-3.0-or-later
#include "runjournal.h"

#include "common/jsonfile.h"
#include "secrets/redactor.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace Promotion {

namespace {

const QLatin1String kDiscardedFile("discarded.json");

/*! \a part with everything a run id cannot hold replaced, at most \a max characters. */
QString idPart(const QString &part, int max)
{
    static const QRegularExpression bad(QStringLiteral("[^A-Za-z0-9_.-]|\\.\\."));
    QString clean = part.left(max);
    clean.replace(bad, QStringLiteral("-"));
    return clean;
}

} // namespace

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
    return QStringLiteral("%1-%2-%3-%4").arg(stamp, idPart(component, 50), idPart(to, 50), salt);
}

bool RunJournal::isValidRunId(const QString &runId)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$"));
    return re.match(runId).hasMatch() && !runId.contains(QLatin1String(".."));
}

QString RunJournal::runDir(const QString &runId, QString *error) const
{
    if (!isValidRunId(runId)) {
        if (error)
            *error = QStringLiteral("invalid run id '%1': use the id printed by promote "
                                    "(letters, digits, '-', '_', '.')")
                         .arg(runId);
        return {};
    }
    const QString dir = m_runsDir + QLatin1Char('/') + runId;
    const QFileInfo info(dir);
    if (info.exists() || info.isSymLink()) {
        // A symlink (or a dangling one) must not lead a save or a resume out of the runs dir.
        const QString resolved = info.canonicalFilePath();
        const QString base = QFileInfo(m_runsDir).canonicalFilePath();
        if (resolved.isEmpty() || base.isEmpty() || !resolved.startsWith(base + QLatin1Char('/'))) {
            if (error)
                *error = QStringLiteral("run directory %1 resolves to %2, outside %3; refusing it")
                             .arg(dir, resolved.isEmpty() ? QStringLiteral("nothing") : resolved,
                                  m_runsDir);
            return {};
        }
    }
    return dir;
}

QString RunJournal::artifactsDir(const QString &runId, QString *error) const
{
    const QString dir = runDir(runId, error);
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/artifacts");
}

QString RunJournal::statePath(const QString &runId, QString *error) const
{
    const QString dir = runDir(runId, error);
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/state.json");
}

bool RunJournal::save(const RunState &state, QString *error) const
{
    const QString path = statePath(state.runId, error);
    if (path.isEmpty())
        return false;
    // Last line of defence: no secret this process knows reaches the disk.
    return JsonFile::writeObject(path, Redactor().redact(state.toJson()), error);
}

std::optional<RunState> RunJournal::load(const QString &runId, QString *error) const
{
    const QString path = statePath(runId, error);
    if (path.isEmpty())
        return std::nullopt;
    const std::optional<QJsonObject> object = JsonFile::readObject(path, error);
    if (!object)
        return std::nullopt;
    RunState state = RunState::fromJson(*object);
    if (state.runId != runId) {
        if (error)
            *error =
                QStringLiteral("%1: run id %2 does not match its directory").arg(path, state.runId);
        return std::nullopt;
    }
    return state;
}

bool RunJournal::discard(const QString &runId, const QString &identity, QString *error) const
{
    if (identity.trimmed().isEmpty()) {
        if (error)
            *error = QStringLiteral("discarding run %1 needs the identity of who discards it")
                         .arg(runId);
        return false;
    }
    const std::optional<RunState> state = load(runId, error);
    if (!state)
        return false;
    if (!state->isResumable()) {
        if (error)
            *error = QStringLiteral("run %1 has already finished (%2); there is nothing to discard")
                         .arg(runId, runOutcomeName(state->outcome));
        return false;
    }
    if (isDiscarded(runId))
        return true;
    const QJsonObject mark{
        {QStringLiteral("discarded_by"), identity},
        {QStringLiteral("discarded_at"),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    return JsonFile::writeObject(runDir(runId) + QLatin1Char('/') + kDiscardedFile, mark, error);
}

bool RunJournal::isDiscarded(const QString &runId) const
{
    const QString dir = runDir(runId);
    return !dir.isEmpty() && QFileInfo::exists(dir + QLatin1Char('/') + kDiscardedFile);
}

QList<RunState> RunJournal::scan(QStringList *unreadable) const
{
    QList<RunState> result;
    const QStringList ids =
        QDir(m_runsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    for (const QString &id : ids) {
        QString error;
        if (runDir(id, &error).isEmpty()) {
            if (unreadable)
                unreadable->append(m_runsDir + QLatin1Char('/') + id + QStringLiteral(": ") +
                                   error);
            continue;
        }
        if (isDiscarded(id))
            continue;
        std::optional<RunState> state = load(id, &error);
        if (!state) {
            if (unreadable)
                unreadable->append(error);
            continue;
        }
        result.append(std::move(*state));
    }
    return result;
}

QList<RunState> RunJournal::unfinished(const QString &component, QStringList *unreadable) const
{
    QList<RunState> result = scan(unreadable);
    result.removeIf([&component](const RunState &state) {
        return (state.isFinished() && !state.needsReport()) ||
               (!component.isEmpty() && state.request.component != component);
    });
    return result;
}

QList<RunState> RunJournal::resumable(QStringList *unreadable) const
{
    QList<RunState> result = scan(unreadable);
    result.removeIf([](const RunState &state) { return !state.isResumable(); });
    return result;
}

QStringList RunJournal::unreadable() const
{
    QStringList result;
    scan(&result);
    return result;
}

} // namespace Promotion
