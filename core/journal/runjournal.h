// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <optional>
#include <QString>

namespace Promotion {

/*!
 * \brief Keeps each run's state in `.promotion/runs/<id>/state.json`.
 *
 * Every save is atomic (QSaveFile), so a crash or a kill loses at most the
 * change in flight, and a resumed run continues from the step it was in.
 */
class RunJournal final
{
public:
    explicit RunJournal(const QString &runsDir);

    static QString newRunId(const QString &component, const QString &to);

    QString runsDir() const { return m_runsDir; }
    QString runDir(const QString &runId) const;
    QString artifactsDir(const QString &runId) const;
    QString statePath(const QString &runId) const;

    bool save(const RunState &state, QString *error) const;
    std::optional<RunState> load(const QString &runId, QString *error) const;
    /*! Runs whose outcome is still "running" (interrupted), newest first; optionally one
     * component's. */
    QList<RunState> unfinished(const QString &component = {}) const;

private:
    QString m_runsDir;
};

} // namespace Promotion
