// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "process/processresult.h"
#include "process/processspec.h"

#include <QObject>
#include <QRegularExpression>
#include <QStringList>

namespace Promotion {

class ProcessRunner;

/*! \brief What the deployment's log said during the verification window. */
struct LogCheck
{
    bool ran = false;        //!< the logs command was started
    int lines = 0;           //!< complete lines read
    int errors = 0;          //!< lines matching the error pattern
    QStringList firstErrors; //!< the first few error lines: the evidence
    QString problem;         //!< the command could not run or ended early (with its reason)
};

/*!
 * \brief Streams the deployment's log (policy validation.logs, e.g. `kubectl logs -f`)
 * for the verification window and counts the lines that are errors (validation.
 * log_error_pattern). The stream is read-only: nothing is journaled, and stop() ends it.
 */
class DeploymentLogWatcher final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kEvidenceLines = 5;

    explicit DeploymentLogWatcher(QObject *parent = nullptr);

    /*! Start streaming \a spec; lines matching \a errorPattern count as errors. */
    void start(const ProcessSpec &spec, const QRegularExpression &errorPattern);
    /*! End the stream (the command is stopped); result() is final once stopped() came. */
    void stop();
    bool isRunning() const;
    LogCheck result() const { return m_result; }

    /*! Count one chunk of output (public for tests; start() feeds the process's output). */
    void feed(const QByteArray &chunk);

Q_SIGNALS:
    /*! A chunk of the log, as read (for the live pane). */
    void output(const QByteArray &chunk);
    /*! The stream ended (stopped, or the command exited by itself). */
    void stopped();

private:
    void line(const QString &text);

    ProcessRunner *m_runner;
    QRegularExpression m_pattern;
    QByteArray m_partial;
    LogCheck m_result;
    bool m_stopping = false;
};

} // namespace Promotion
