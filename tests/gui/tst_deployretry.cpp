// SPDX-License-Identifier: GPL-3.0-or-later
// A failed deploy in the wizard: page 5 shows the failing command's last lines, the rollback
// leaves nothing changed, and Promote deploys again in the same run once the cause is fixed.
#include "faultsupport.h"
#include "logmodel.h"
#include "logview.h"
#include "promotionwizard.h"
#include "testsettings.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

using namespace Promotion;
using namespace FaultTest;

class TestDeployRetry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            TestSettings::isolate(m_settings, QStringLiteral("Pat Promoter <pat@example.org>")));
    }
    void cleanup() { qunsetenv("DEMO_KUBECTL_FAIL"); }

    void failedDeployIsRetriedFromPage5()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QString error;
        const QString runId = prepareResumableRun(demo, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The admission webhook rejects the apply: not transient, so no retries.
        qputenv("DEMO_KUBECTL_FAIL", "apply");

        PromotionWizard wizard(demo.root());
        QVERIFY2(wizard.resume(kComponent, runId, &error), qPrintable(error));
        wizard.resize(1280, 820);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        PromotionEngine *engine = wizard.engine();
        QCOMPARE(wizard.currentPage(), 4);
        auto *execute = wizard.findChild<QPushButton *>(QStringLiteral("executeButton"));
        auto *failure = wizard.findChild<QPlainTextEdit *>(QStringLiteral("executeFailureOutput"));
        QVERIFY(execute && failure);
        QTRY_VERIFY(execute->isEnabled());
        QVERIFY(!failure->isVisible());
        QTest::mouseClick(execute, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(demo.kubectlMentions(QStringLiteral("apply")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isBusy() && engine->state().isFinished(), 120000);
        QCOMPARE(engine->state().outcome, RunOutcome::Failed);
        QCOMPARE(engine->state().step(StepId::Execute).status, StepStatus::Failed);
        QVERIFY(engine->canRetryDeploy());

        // The failing command's last lines, not a cut-off status; Promote is enabled again.
        QTRY_VERIFY(failure->isVisible());
        QVERIFY2(failure->toPlainText().contains(QLatin1String("failed calling webhook")),
                 qPrintable(failure->toPlainText()));
        QVERIFY2(failure->toPlainText().startsWith(QLatin1String("$ kubectl apply")),
                 qPrintable(failure->toPlainText()));
        QTRY_VERIFY(execute->isEnabled());
        QVERIFY(!demo.kubectlMentions(QStringLiteral("undo")));

        // Fixed: the same run deploys.
        qunsetenv("DEMO_KUBECTL_FAIL");
        QTest::mouseClick(execute, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isBusy() &&
                                     engine->state().step(StepId::Execute).status !=
                                         StepStatus::Pending,
                                 120000);
        QVERIFY2(engine->state().step(StepId::Execute).status == StepStatus::Passed,
                 qPrintable(engine->state().step(StepId::Execute).summary));
        QCOMPARE(engine->state().outcome, RunOutcome::Running);
        QCOMPARE(engine->state().runId, runId);
        QVERIFY(!failure->isVisible());
        int applies = 0;
        for (const QJsonObject &o : demo.kubectlLog()) {
            if (o.value(QStringLiteral("event")).toString() == QLatin1String("start") &&
                o.value(QStringLiteral("argv")).toArray().at(1).toString() ==
                    QLatin1String("apply"))
                ++applies;
        }
        QCOMPARE(applies, 2);
        QVERIFY(!demo.kubectlMentions(QStringLiteral("undo")));
        // The first attempt stays on record.
        const QJsonObject state = demo.journal(runId);
        bool kept = false;
        for (const QJsonValue &a : state.value(QStringLiteral("execution"))
                                       .toObject()
                                       .value(QStringLiteral("actions"))
                                       .toArray())
            kept = kept || a.toObject().value(QStringLiteral("id")).toString() ==
                               QLatin1String("retry1/deploy.apply");
        QVERIFY(kept);
        bool recorded = false;
        for (const OverrideRecord &o : engine->state().overrides)
            recorded = recorded || o.item == QLatin1String("deploy_retry");
        QVERIFY(recorded);
        QVERIFY(!engine->canRetryDeploy());

        // Page 6 streams the deployment's log (kubectl logs -f) during the window and shows
        // the pods' CPU and memory.
        auto *next = wizard.findChild<QPushButton *>(QStringLiteral("wizardNextButton"));
        QVERIFY(next);
        QTRY_VERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE(wizard.currentPage(), 5);
        // Entering the page starts the validation (the deploy just happened).
        QTRY_VERIFY_WITH_TIMEOUT(
            !engine->isBusy() &&
                engine->state().step(StepId::PostValidation).status != StepStatus::Pending &&
                engine->state().step(StepId::PostValidation).status != StepStatus::Running,
            120000);
        QVERIFY2(engine->state().step(StepId::PostValidation).status == StepStatus::Passed,
                 qPrintable(engine->state().step(StepId::PostValidation).summary));
        auto *log = wizard.findChild<LogView *>(QStringLiteral("deploymentLog"));
        QVERIFY(log);
        QTRY_VERIFY(log->model()->rowCount() > 0);
        const QString firstLine = log->model()->data(log->model()->index(0, 0)).toString();
        QVERIFY2(firstLine.contains(QLatin1String(" agent-orchestration: ")),
                 qPrintable(firstLine));
        auto *pods = wizard.findChild<QLabel *>(QStringLiteral("podUsageLabel"));
        QVERIFY(pods);
        QVERIFY2(pods->text().contains(QLatin1String("CPU")), qPrintable(pods->text()));
        bool logCheck = false;
        for (const CheckItem &c : engine->state().validation.checks)
            logCheck = logCheck || (c.id == QLatin1String("logs") && c.passed);
        QVERIFY(logCheck);
        engine->cancel();
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestDeployRetry)
#include "tst_deployretry.moc"
