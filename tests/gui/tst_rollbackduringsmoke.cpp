// SPDX-License-Identifier: GPL-3.0-or-later
// Rollback asked for while the smoke tests run: the smoke process ends first, then the undo
// starts (journal order and the kubectl argv log agree), and the run ends rolled back.
#include "faultsupport.h"

#include <QElapsedTimer>

using namespace Promotion;
using namespace FaultTest;

class TestRollbackDuringSmoke : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rollbackWaitsForTheSmokeProcess()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        constexpr int kSmokeDelaySeconds = 30;
        qputenv("DEMO_SMOKE_DELAY", QByteArray::number(kSmokeDelaySeconds));

        PromotionEngine engine;
        const QString prepared = prepareThroughTracking(engine, demo);
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        QCOMPARE(runAndWait(engine, StepId::Execute), StepStatus::Passed);

        engine.runStep(StepId::PostValidation);
        // The smoke action is journaled as an intent before pytest starts.
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.state().execution.action(QStringLiteral("validation.smoke")), 30000);
        QTest::qWait(1500); // pytest is up and sleeping in its session fixture
        QCOMPARE(engine.state().execution.action(QStringLiteral("validation.smoke"))->phase,
                 ActionPhase::Intent);
        QElapsedTimer clock;
        clock.start();
        engine.rollbackNow(QStringLiteral("fault test: rollback clicked during the smoke tests"));
        QTRY_VERIFY_WITH_TIMEOUT(engine.state().isFinished() && !engine.isBusy(), 120000);
        QCOMPARE(engine.state().outcome, RunOutcome::RolledBack);
        QCOMPARE(engine.state().validation.rollbackReason,
                 QStringLiteral("fault test: rollback clicked during the smoke tests"));
        // The smoke tests were stopped, not waited for.
        QVERIFY2(clock.elapsed() < kSmokeDelaySeconds * 1000,
                 qPrintable(QString::number(clock.elapsed())));

        const JournalAction *smoke =
            engine.state().execution.action(QStringLiteral("validation.smoke"));
        const JournalAction *undo =
            engine.state().execution.action(QStringLiteral("rollback.undo"));
        QVERIFY(smoke && undo);
        QVERIFY(smoke->doneAt.isValid());
        QVERIFY2(smoke->doneAt <= undo->intentAt,
                 qPrintable(smoke->doneAt.toString(Qt::ISODateWithMs) + QStringLiteral(" > ") +
                            undo->intentAt.toString(Qt::ISODateWithMs)));
        // On disk too, and the undo's kubectl started after the smoke process had ended.
        const QJsonObject undoStart =
            demo.kubectlEvent(QStringLiteral("undo"), QStringLiteral("start"));
        QVERIFY(!undoStart.isEmpty());
        const qint64 undoStartedMs =
            qint64(undoStart.value(QStringLiteral("time")).toDouble() * 1000.0);
        QVERIFY2(undoStartedMs >= smoke->doneAt.toMSecsSinceEpoch(),
                 qPrintable(QStringLiteral("undo started %1 ms before the smoke tests ended")
                                .arg(smoke->doneAt.toMSecsSinceEpoch() - undoStartedMs)));
        QCOMPARE(demo.journal(engine.state().runId).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("rolled_back"));
        qunsetenv("DEMO_SMOKE_DELAY");
    }
};

QTEST_GUILESS_MAIN(TestRollbackDuringSmoke)
#include "tst_rollbackduringsmoke.moc"
