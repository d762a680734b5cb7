// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <QObject>

namespace Promotion {

class RunContext;

/*! \brief How a step ended. */
struct StepOutcome
{
    StepStatus status = StepStatus::Passed; //!< Pending: cancelled, to be run again
    QString summary;
    /*! Set when the step decides the run's outcome (blocked, failed, rolled back, ...). */
    std::optional<RunOutcome> runOutcome;
    /*! The step wants a rollback of what this run changed (RollbackController). */
    bool rollback = false;
    QString rollbackReason;
};

/*!
 * \brief One of the six steps: start(), cancel(), and finished() exactly once
 * per start(). Steps keep no state of their own beyond the run in flight: all
 * of it is in the RunContext's RunState, journaled.
 */
class PromotionStep : public QObject
{
    Q_OBJECT
public:
    PromotionStep(StepId id, RunContext &context, QObject *parent = nullptr);

    StepId id() const { return m_id; }
    bool isRunning() const { return m_running; }

    void start();
    /*! Decide the step from the state as it is (after a person's input); runs nothing. */
    void startEvaluationOnly();
    /*! Stop what runs; finished() follows with StepStatus::Pending (resumable). */
    virtual void cancel() = 0;

Q_SIGNALS:
    void finished(const Promotion::StepOutcome &outcome);

protected:
    /*! Do the step's work; call finish() once, now or later. */
    virtual void run() = 0;
    /*! Decide from the state as it is; the default runs the step. */
    virtual void evaluate() { run(); }
    void finish(const StepOutcome &outcome);
    void finish(StepStatus status, const QString &summary)
    {
        finish(StepOutcome{status, summary, std::nullopt, false, {}});
    }
    RunContext &ctx() { return m_ctx; }
    const RunContext &ctx() const { return m_ctx; }
    RunState &state();
    const RunState &state() const;

private:
    StepId m_id;
    RunContext &m_ctx;
    bool m_running = false;
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::StepOutcome)
