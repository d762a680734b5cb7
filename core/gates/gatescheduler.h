// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gatecontext.h"
#include "gates/gateresult.h"
#include "policy/policy.h"
#include "process/processresult.h"
#include "secrets/outputredactor.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Promotion {

class ProcessRunner;
class ToolVersionProbe;
class DataSourceReader;

/*!
 * \brief Runs the quality gates of one transition concurrently, at most one
 * per core, and evaluates each against its threshold.
 *
 * Command gates run their tool through ProcessRunner (output streamed through
 * gateOutput() and kept in `<artifacts>/<gate>.log`); derived gates parse what
 * another gate produced once it is done; file gates look at the disk; metric
 * gates read their data source, or wait for a person's attestation.
 */
class GateScheduler final : public QObject
{
    Q_OBJECT
public:
    explicit GateScheduler(QObject *parent = nullptr);
    ~GateScheduler() override;

    /*! Run \a gates; those in \a keep (already final, e.g. from a resumed journal) are not rerun.
     */
    void start(const QList<GateDefinition> &gates, const GateContext &context,
               const QList<GateResult> &keep = {});
    /*! Stop everything: running tools get SIGTERM/SIGKILL, pending gates end Cancelled. */
    void cancel();
    bool isRunning() const { return m_running; }

    /*! Prepare argv and environment of a python gate (uv run, or src/ on PYTHONPATH). */
    static void applyPythonRunner(QStringList &argv, QProcessEnvironment &env,
                                  const GateContext &context);
    /*! Workspace-relative files matching a glob ("**" spans directories). */
    static QStringList matchGlob(const QString &workspace, const QString &pattern);

Q_SIGNALS:
    void gateStarted(const QString &id);
    void gateOutput(const QString &id, const QByteArray &chunk, Promotion::OutputChannel channel);
    void gateFinished(const Promotion::GateResult &result);
    void finished(bool cancelled);
    /*! A tool's version became known after its gate had already finished. */
    void toolVersionKnown(const QString &program, const QString &version);

private:
    struct Slot;
    void schedule();
    void startGate(const GateDefinition &gate);
    void startCommand(const GateDefinition &gate);
    void finishCommand(const QString &id, const ProcessResult &result);
    void evaluateDerived(const GateDefinition &gate);
    void evaluateFiles(const GateDefinition &gate);
    void startMetric(const GateDefinition &gate);
    void complete(GateResult result);
    /*! False, with \a problem, when \a text (a path setting, \a key) leads outside the
     *  workspace and the artifacts; \a glob: only the part before the first wildcard. */
    bool confinedPath(const QString &text, const QString &key, QString *problem,
                      bool glob = false) const;
    void finishIfCancelled();
    GateResult baseResult(const GateDefinition &gate) const;
    bool ready(const GateDefinition &gate) const;
    int parallelLimit() const;

    GateContext m_context;
    QList<GateDefinition> m_pending;
    QHash<QString, GateDefinition> m_definitions;
    QHash<QString, GateResult> m_done;
    QHash<QString, ProcessRunner *> m_runners;
    struct GateLog
    {
        explicit GateLog(const Redactor &redactor)
            : out(redactor)
            , err(redactor)
        {
        }
        OutputRedactor &redactor(OutputChannel channel)
        {
            return channel == OutputChannel::StandardOutput ? out : err;
        }
        QFile file;
        OutputRedactor out;
        OutputRedactor err;
    };
    QHash<QString, GateLog *> m_logs;
    Redactor m_redactor;
    QHash<QString, GateResult> m_inFlight;
    ToolVersionProbe *m_versions = nullptr;
    QHash<QString, QString> m_toolVersions; //!< program -> version
    int m_active = 0;
    struct VersionProbe
    {
        QString program;
        QString resolved;
        QStringList arguments;
        QProcessEnvironment environment;
        QString workingDirectory;
        QString policyKey;
    };
    QList<VersionProbe> m_probeQueue; //!< --version asks not in the cache, run in free slots
    QHash<QString, VersionProbe> m_probing;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Promotion
