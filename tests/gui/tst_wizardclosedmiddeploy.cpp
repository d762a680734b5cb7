// SPDX-License-Identifier: GPL-3.0-or-later
// Closing the wizard while step 5 deploys asks; "Stop" ends the step, keeps the run resumable
// and undoes nothing. Closing while a rollback runs waits for the rollback, never kills it.
#include "faultsupport.h"
#include "promotionwizard.h"
#include "testsettings.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

using namespace Promotion;
using namespace FaultTest;

class TestWizardClosedMidDeploy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            TestSettings::isolate(m_settings, QStringLiteral("Pat Promoter <pat@example.org>")));
    }
    void cleanup()
    {
        qunsetenv("DEMO_KUBECTL_DELAY");
        qunsetenv("DEMO_KUBECTL_DELAY_ON");
    }

    void stopDuringApplyKeepsTheRunResumable()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QString error;
        const QString runId = prepareResumableRun(demo, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Before the engine starts any command: the apply takes 3 s.
        qputenv("DEMO_KUBECTL_DELAY", "3");
        qputenv("DEMO_KUBECTL_DELAY_ON", "apply");

        auto owner = std::make_unique<PromotionWizard>(demo.root());
        PromotionWizard &wizard = *owner;
        QVERIFY2(wizard.resume(kComponent, runId, &error), qPrintable(error));
        wizard.resize(1280, 820);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentPage(), 4);
        auto *execute = wizard.findChild<QPushButton *>(QStringLiteral("executeButton"));
        QTRY_VERIFY(execute->isEnabled());
        QTest::mouseClick(execute, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(demo.kubectlMentions(QStringLiteral("apply")), 60000);
        QVERIFY(wizard.engine()->isBusy());

        wizard.close();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = wizard.findChild<QMessageBox *>(QStringLiteral("confirmStopBox"))));
        QVERIFY(wizard.isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmStopButton")),
                          Qt::LeftButton);
        // The window waits for the step to report that it stopped, then closes.
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isVisible(), 15000);
        QVERIFY(!wizard.engine()->isBusy());
        QCOMPARE(wizard.engine()->state().step(StepId::Execute).status, StepStatus::Pending);

        const QJsonObject state = demo.journal(runId);
        QCOMPARE(state.value(QStringLiteral("outcome")).toString(), QStringLiteral("running"));
        QVERIFY(!demo.kubectlMentions(QStringLiteral("undo")));
        // The apply was stopped, not finished: its end line says how it ended.
        const QJsonObject applyEnd =
            demo.kubectlEvent(QStringLiteral("apply"), QStringLiteral("end"));
        QVERIFY(applyEnd.value(QStringLiteral("exit")).toInt() != 0);

        // Once the window is gone (the main window deletes it on close), a new engine takes
        // the run over.
        owner.reset();
        PromotionEngine again;
        QVERIFY2(again.resume(demo.root(), kComponent, runId, &error), qPrintable(error));
        QCOMPARE(again.state().runId, runId);
        QCOMPARE(again.state().nextStepIndex(), int(StepId::Execute));
    }

    void closeDuringRollbackWaitsForIt()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QString error;
        const QString runId = prepareResumableRun(demo, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qputenv("DEMO_KUBECTL_DELAY", "3");
        qputenv("DEMO_KUBECTL_DELAY_ON", "rollout-undo");

        PromotionWizard wizard(demo.root());
        QVERIFY2(wizard.resume(kComponent, runId, &error), qPrintable(error));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        PromotionEngine *engine = wizard.engine();
        auto *execute = wizard.findChild<QPushButton *>(QStringLiteral("executeButton"));
        QTRY_VERIFY(execute->isEnabled());
        QTest::mouseClick(execute, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!engine->isBusy(), 120000);
        QVERIFY2(engine->state().step(StepId::Execute).status == StepStatus::Passed,
                 qPrintable(engine->state().step(StepId::Execute).summary));

        // Whether the window was still open when the rollback ended.
        bool visibleWhenRolledBack = false;
        connect(engine, &PromotionEngine::stateChanged, this, [&] {
            if (engine->state().outcome == RunOutcome::RolledBack)
                visibleWhenRolledBack = wizard.isVisible();
        });
        engine->rollbackNow(QStringLiteral("fault test: roll back, then close"));
        QVERIFY(engine->isRollingBack());
        QTRY_VERIFY_WITH_TIMEOUT(demo.kubectlMentions(QStringLiteral("undo")), 60000);

        wizard.close();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = wizard.findChild<QMessageBox *>(QStringLiteral("rollbackCloseBox"))));
        QVERIFY(wizard.isVisible());
        QVERIFY(engine->isRollingBack());
        // A second close does not stop it either.
        wizard.close();
        QVERIFY(wizard.isVisible());

        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isVisible(), 120000);
        QVERIFY(visibleWhenRolledBack);
        QCOMPARE(engine->state().outcome, RunOutcome::RolledBack);
        const QJsonObject undoEnd =
            demo.kubectlEvent(QStringLiteral("undo"), QStringLiteral("end"));
        QCOMPARE(undoEnd.value(QStringLiteral("exit")).toInt(-1), 0);
        QCOMPARE(demo.journal(runId).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rolled_back"));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWizardClosedMidDeploy)
#include "tst_wizardclosedmiddeploy.moc"
