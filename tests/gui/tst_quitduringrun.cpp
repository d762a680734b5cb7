// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+Q while a promotion runs asks first, while every window exists: "Stay" keeps every
// window and the run as they were; "Leave" stops the engine and the application quits.
#include "faultsupport.h"
#include "mainwindow.h"
#include "policy/policytrust.h"
#include "promotionwizard.h"
#include "testsettings.h"

#include <cerrno>
#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <signal.h>

using namespace Promotion;
using namespace FaultTest;

namespace {
bool processGone(qint64 pid)
{
    // A zombie still answers kill(0); its state in /proc says it is dead.
    if (::kill(pid_t(pid), 0) != 0)
        return errno == ESRCH;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.mid(close + 2, 1) == "Z";
}

/*! Click \a button of the message box \a boxName once it shows (from a timer, as a person
 * answers a dialog); gives up after ~20 s and sets \a clicked accordingly. */
void answerWhenShown(QWidget *parent, const QString &boxName, const QString &button, bool *clicked,
                     int attempts = 400)
{
    QTimer::singleShot(50, parent, [=] {
        auto *box = parent->findChild<QMessageBox *>(boxName);
        if (box && box->isVisible()) {
            if (auto *b = box->findChild<QPushButton *>(button)) {
                b->click();
                *clicked = true;
                return;
            }
        }
        if (attempts > 0)
            answerWhenShown(parent, boxName, button, clicked, attempts - 1);
    });
}
} // namespace

class TestQuitDuringRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            TestSettings::isolate(m_settings, QStringLiteral("Pat Promoter <pat@example.org>")));
    }

    void stayThenLeave()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        // The test gate runs until it is stopped, so the run is surely busy when Ctrl+Q comes.
        QFile policy(demo.root() + QStringLiteral("/promotion.yaml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QByteArray yaml = policy.readAll();
        policy.close();
        const QByteArray hook = "\ngates:\n";
        QVERIFY(yaml.contains(hook));
        // The path goes in as an argument ($1): the demo copy's path has a space and a quote.
        yaml.replace(hook, QByteArray(hook + "  tests:\n    command: [sh, -c, 'echo $$ > "
                                             "\"$1/gate.pid\"; exec sleep 300', sh, "
                                             "\"{artifacts}\"]\n"));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(policy.write(yaml) == yaml.size());
        policy.close();

        PolicyTrust::trust(demo.root()); // this test wrote the policy it runs
        auto *window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MainWindow> windowAlive(window);
        QVERIFY(window->openWorkspace(demo.root()));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->startPromotion(kComponent);
        QPointer<PromotionWizard> wizard;
        QTRY_VERIFY((wizard = window->findChild<PromotionWizard *>()) != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("wizardNextButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentPage(), 1, 20000);
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("runGatesButton")),
                          Qt::LeftButton);
        PromotionEngine *engine = wizard->engine();
        const QString pidFile = engine->artifactsDir() + QStringLiteral("/gate.pid");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 60000);
        QFile pidIn(pidFile);
        QVERIFY(pidIn.open(QIODevice::ReadOnly));
        const qint64 toolPid = pidIn.readAll().trimmed().toLongLong();
        QVERIFY(toolPid > 0 && !processGone(toolPid));
        QVERIFY(engine->isBusy());
        const QString runId = engine->state().runId;

        // Ctrl+Q, "Stay": nothing closed, nothing stopped.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        bool stayed = false;
        answerWhenShown(window, QStringLiteral("confirmQuitBox"), QStringLiteral("quitStayButton"),
                        &stayed);
        QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(stayed, 25000);
        QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("confirmQuitBox")));
        QTest::qWait(300);
        QVERIFY(windowAlive && window->isVisible());
        QVERIFY(wizard && wizard->isVisible());
        QVERIFY(engine->isBusy());
        QCOMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Running);

        // Ctrl+Q, "Leave": the engine stops and the application quits. quit() ends only a
        // running event loop, so this part runs in QApplication::exec().
        QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);
        bool left = false;
        answerWhenShown(window, QStringLiteral("confirmQuitBox"), QStringLiteral("quitLeaveButton"),
                        &left);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTimer::singleShot(100, window,
                           [window] { QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier); });
        QTimer guard; // a quit that never comes fails the test instead of hanging it
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(99); });
        guard.start(60000);
        const int code = QApplication::exec();
        guard.stop();
        QVERIFY(left);
        QCOMPARE(code, 0);
        QCOMPARE(aboutToQuit.count(), 1);
        QTRY_VERIFY(!wizard);      // closed and deleted, with its engine
        QTRY_VERIFY(!windowAlive); // closed and deleted
        // The run is kept, resumable, and no tool is left running.
        const QList<RunState> open = RunJournal(demo.runsDir()).unfinished(kComponent);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().runId, runId);
        QCOMPARE(open.first().outcome, RunOutcome::Running);
        QVERIFY2(processGone(toolPid), "the gate's tool still runs");
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestQuitDuringRun)
#include "tst_quitduringrun.moc"
