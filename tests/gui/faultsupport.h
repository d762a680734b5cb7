// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the fault tests of the GUI: a demo copy on a private port, a run prepared up to
// step 5 by an engine (gates skipped with a reason, criteria accepted, approvals given up
// front, as the command line does), and readers for the journal and the kubectl argv log.
#pragma once

#include "demo/demoworkspace.h"
#include "journal/runjournal.h"
#include "workflow/promotionengine.h"
#include "workspace/workspace.h"

#include <memory>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace FaultTest {

inline const QString kComponent = QStringLiteral("agent_orchestration");

/*! A fresh demo copy with its own demo-service port; stops the service when destroyed. */
class DemoCopy
{
public:
    DemoCopy()
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_port = probe.serverPort();
        probe.close();
        qputenv("PROMOTION_DEMO_PORT", QByteArray::number(m_port));
        qputenv("DEMO_IDLE_TIMEOUT", "300"); // in case stopping it below fails
        qputenv("DEMO_ROLLOUT_SECONDS", "0.3");
        m_root = m_tmp.filePath(QStringLiteral("demo wörk's dir")); // a path to quote
        m_error = Promotion::DemoWorkspace::extractTo(m_root);
    }
    ~DemoCopy()
    {
        QProcess down;
        down.start(m_root + QStringLiteral("/tools/bin/demo-cluster-down"), {});
        if (down.waitForStarted(10000))
            down.waitForFinished(20000);
    }
    bool ok() const { return m_tmp.isValid() && m_port != 0 && m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString root() const { return m_root; }
    QString runsDir() const { return Promotion::Workspace(m_root).runsDir(); }

    Promotion::PromotionRequest request() const
    {
        Promotion::PromotionRequest r;
        r.workspace = m_root;
        r.component = kComponent;
        r.to = QStringLiteral("staging");
        r.skipQualityGates = true;
        r.skipReason = QStringLiteral("fault test: the gates are not what is tested");
        r.acceptAllCriteria = true;
        r.approvals.insert(QStringLiteral("tech_lead"),
                           QStringLiteral("Ada Lead <ada@example.org>"));
        r.approvals.insert(QStringLiteral("qa"), QStringLiteral("Bob QA <bob@example.org>"));
        r.promoter = QStringLiteral("Pat Promoter <pat@example.org>");
        return r;
    }

    /*! The kubectl calls so far, one JSON object per line ("event": "start"/"end"). */
    QList<QJsonObject> kubectlLog() const
    {
        QList<QJsonObject> lines;
        QFile f(m_root + QStringLiteral("/.demo-cluster/kubectl-argv.log"));
        if (!f.open(QIODevice::ReadOnly))
            return lines;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines.append(QJsonDocument::fromJson(line).object());
        }
        return lines;
    }
    /*! The first kubectl \a event ("start"/"end") whose argv contains \a word; empty if none. */
    QJsonObject kubectlEvent(const QString &word, const QString &event) const
    {
        for (const QJsonObject &o : kubectlLog()) {
            const QJsonDocument argv(o.value(QStringLiteral("argv")).toArray());
            if (o.value(QStringLiteral("event")).toString() == event &&
                QString::fromUtf8(argv.toJson()).contains(word))
                return o;
        }
        return {};
    }
    bool kubectlMentions(const QString &word) const
    {
        return !kubectlEvent(word, QStringLiteral("start")).isEmpty();
    }

    /*! The run's state.json as written on disk. */
    QJsonObject journal(const QString &runId) const
    {
        QFile f(Promotion::RunJournal(runsDir()).statePath(runId));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                           : QJsonObject();
    }

private:
    QTemporaryDir m_tmp;
    QString m_root;
    QString m_error;
    quint16 m_port = 0;
};

/*! Run \a step and wait (events flowing) until it is no longer running; its status. */
inline Promotion::StepStatus runAndWait(Promotion::PromotionEngine &engine, Promotion::StepId step,
                                        int timeoutMs = 120000)
{
    engine.runStep(step);
    QDeadlineTimer deadline(timeoutMs);
    while (engine.isBusy() && !deadline.hasExpired())
        QTest::qWait(50);
    return engine.state().step(step).status;
}

/*!
 * Begin a run of the demo's agent_orchestration to staging and pass steps 1 to 4 (no tool
 * runs: gates are skipped with a reason); the engine is left open on step 5. Empty on
 * success, else what went wrong.
 */
inline QString prepareThroughTracking(Promotion::PromotionEngine &engine, const DemoCopy &demo)
{
    using namespace Promotion;
    QString error;
    if (!engine.begin(demo.request(), &error))
        return QStringLiteral("begin: ") + error;
    for (StepId step :
         {StepId::Validate, StepId::QualityGates, StepId::Criteria, StepId::Tracking}) {
        const StepStatus status = runAndWait(engine, step);
        if (status != StepStatus::Passed && status != StepStatus::Skipped)
            return QStringLiteral("step %1: %2 (%3)")
                .arg(stepTitle(step), stepStatusName(status), engine.state().step(step).summary);
    }
    return {};
}

/*! As prepareThroughTracking(), by an engine that is then destroyed; the run id to resume. */
inline QString prepareResumableRun(const DemoCopy &demo, QString *error)
{
    Promotion::PromotionEngine engine;
    *error = prepareThroughTracking(engine, demo);
    return engine.state().runId;
}

} // namespace FaultTest
