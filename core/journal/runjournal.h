// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <optional>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Keeps each run's state in `.promotion/runs/<id>/state.json`.
 *
 * Every save is atomic (QSaveFile), so a crash or a kill loses at most the
 * change in flight, and a resumed run continues from the step it was in.
 *
 * Run ids come from the command line (`--resume <id>`), so every path made
 * from one is checked: the id must be a plain name (isValidRunId()) and the
 * run directory, symlinks followed, must lie inside the runs directory.
 * A run the user gave up on is marked by `discarded.json` next to its state;
 * nothing is deleted.
 */
class RunJournal final
{
public:
    explicit RunJournal(const QString &runsDir);

    /*! A new id "<utc stamp>-<component>-<to>-<salt>"; always passes isValidRunId(). */
    static QString newRunId(const QString &component, const QString &to);
    /*! ^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$ and no "..": a name, never a path. */
    static bool isValidRunId(const QString &runId);

    QString runsDir() const { return m_runsDir; }
    /*! The run's directory; empty, with \a error, for an invalid id or a directory that
     * resolves outside runsDir(). The same holds for artifactsDir() and statePath(). */
    QString runDir(const QString &runId, QString *error = nullptr) const;
    QString artifactsDir(const QString &runId, QString *error = nullptr) const;
    QString statePath(const QString &runId, QString *error = nullptr) const;

    bool save(const RunState &state, QString *error) const;
    std::optional<RunState> load(const QString &runId, QString *error) const;

    /*! Mark the interrupted run \a runId as given up by \a identity (writes discarded.json);
     * unfinished() no longer offers it. A finished run can be discarded only while GitHub
     * actions are queued: they are then never sent. Discarding a discarded run again keeps
     * the first mark. */
    bool discard(const QString &runId, const QString &identity, QString *error) const;
    bool isDiscarded(const QString &runId) const;

    /*! Runs whose outcome is still "running" (interrupted) and that are not discarded, newest
     * first; optionally one component's. Runs that cannot be read are skipped and, with
     * \a unreadable, listed as "path: reason". */
    QList<RunState> unfinished(const QString &component = {},
                               QStringList *unreadable = nullptr) const;
    /*! What can be resumed: unfinished(), and the finished runs whose GitHub actions are still
     * queued (GitHub was down or refused them; resuming sends them and nothing else), newest
     * first. */
    QList<RunState> resumable(QStringList *unreadable = nullptr) const;
    /*! Every run directory that cannot be read, as "path: reason" (discarded runs excluded). */
    QStringList unreadable() const;

private:
    QList<RunState> scan(QStringList *unreadable) const;

    QString m_runsDir;
};

} // namespace Promotion
