// SPDX-License-Identifier: GPL-3.0-or-later
// The main window lists every unfinished run (interrupted, report missing, unreadable), resumes
// and discards them, and warns when a promotion starts on a component with an unfinished run.
#include "faultsupport.h"
#include "mainwindow.h"
#include "promotionwizard.h"
#include "testsettings.h"
#include "unfinishedrunspanel.h"

#include <QAction>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeWidget>

using namespace Promotion;
using namespace FaultTest;

namespace {
const QString kIdentity = QStringLiteral("Dana Discard <dana@example.org>");

/*! Begin a run of \a component and leave it interrupted after step 1; its id. */
QString interruptedRun(const DemoCopy &demo, const QString &component, QString *error)
{
    PromotionEngine engine;
    PromotionRequest request = demo.request();
    request.component = component;
    if (!engine.begin(request, error))
        return {};
    runAndWait(engine, StepId::Validate);
    return engine.state().runId;
}

QTreeWidgetItem *rowOf(QTreeWidget *view, const QString &text, int column)
{
    for (int r = 0; r < view->topLevelItemCount(); ++r) {
        if (view->topLevelItem(r)->text(column).contains(text))
            return view->topLevelItem(r);
    }
    return nullptr;
}
} // namespace

class TestUnfinishedRuns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(TestSettings::isolate(m_settings, kIdentity)); }

    void listDiscardAndStartWarning()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QString error;
        const QString agentRun = interruptedRun(demo, kComponent, &error);
        QVERIFY2(!agentRun.isEmpty(), qPrintable(error));
        const QString playerRun = interruptedRun(demo, QStringLiteral("player_experience"), &error);
        QVERIFY2(!playerRun.isEmpty(), qPrintable(error));
        // A run that ended but whose report was never written.
        RunJournal journal(demo.runsDir());
        std::optional<RunState> noReport = journal.load(playerRun, &error);
        QVERIFY2(noReport, qPrintable(error));
        noReport->runId = QStringLiteral("20250101T000000Z-player_experience-staging-noreport");
        noReport->outcome = RunOutcome::RolledBack;
        noReport->exitCode = 3;
        QVERIFY(QDir().mkpath(journal.runDir(noReport->runId)));
        QVERIFY2(journal.save(*noReport, &error), qPrintable(error));
        // A journal nobody can read.
        const QString bad = demo.runsDir() + QStringLiteral("/20250102T000000Z-broken");
        QVERIFY(QDir().mkpath(bad));
        QFile badState(bad + QStringLiteral("/state.json"));
        QVERIFY(badState.open(QIODevice::WriteOnly));
        QVERIFY(badState.write("{ not json") > 0);
        badState.close();

        MainWindow window;
        QVERIFY(window.openWorkspace(demo.root()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *panel =
            window.findChild<UnfinishedRunsPanel *>(QStringLiteral("unfinishedRunsPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        auto *view = panel->findChild<QTreeWidget *>(QStringLiteral("unfinishedRunsView"));
        QCOMPARE(view->topLevelItemCount(), 4);
        QCOMPARE(panel->runCount(), 3);

        QTreeWidgetItem *agent = rowOf(view, kComponent, UnfinishedRunsPanel::ComponentColumn);
        QVERIFY(agent);
        QCOMPARE(agent->text(UnfinishedRunsPanel::TargetColumn), QStringLiteral("staging"));
        QVERIFY2(agent->text(UnfinishedRunsPanel::StepColumn).contains(QStringLiteral("Step 2")),
                 qPrintable(agent->text(UnfinishedRunsPanel::StepColumn)));
        QVERIFY(!agent->text(UnfinishedRunsPanel::StartedColumn).isEmpty());
        QVERIFY(rowOf(view, QStringLiteral("report not written — resume to write it"),
                      UnfinishedRunsPanel::NoteColumn));
        QTreeWidgetItem *unreadable =
            rowOf(view, QStringLiteral("(unreadable)"), UnfinishedRunsPanel::ComponentColumn);
        QVERIFY(unreadable);
        QVERIFY2(unreadable->text(UnfinishedRunsPanel::ComponentColumn)
                     .contains(QStringLiteral("broken")),
                 qPrintable(unreadable->text(UnfinishedRunsPanel::ComponentColumn)));
        // Nothing to do with an unreadable journal but read why.
        auto *resume = panel->findChild<QPushButton *>(QStringLiteral("resumeRunButton"));
        auto *discard = panel->findChild<QPushButton *>(QStringLiteral("discardRunButton"));
        view->setCurrentItem(unreadable);
        QVERIFY(!resume->isEnabled());
        QVERIFY(!discard->isEnabled());

        // Discard… by keyboard (Delete on the list), confirmed: marked, nothing deleted.
        QTreeWidgetItem *player = nullptr;
        for (int r = 0; r < view->topLevelItemCount(); ++r) {
            if (view->topLevelItem(r)->data(0, UnfinishedRunsPanel::RunIdRole).toString() ==
                playerRun)
                player = view->topLevelItem(r);
        }
        QVERIFY(player);
        view->setFocus();
        view->setCurrentItem(player);
        QVERIFY(discard->isEnabled());
        QTest::keyClick(view, Qt::Key_Delete);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY(
            (confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDiscardBox"))));
        QVERIFY(confirm->text().contains(QStringLiteral("player_experience")));
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmDiscardButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(view->topLevelItemCount(), 3);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmDiscardBox")));
        QVERIFY(journal.isDiscarded(playerRun));
        QVERIFY(QFile::exists(journal.statePath(playerRun)));
        QFile mark(journal.runDir(playerRun) + QStringLiteral("/discarded.json"));
        QVERIFY(mark.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(mark.readAll()).contains(QStringLiteral("dana@example.org")));

        // Cancel leaves the run listed.
        view->setCurrentItem(agent = rowOf(view, kComponent, UnfinishedRunsPanel::ComponentColumn));
        QTest::mouseClick(discard, Qt::LeftButton);
        QTRY_VERIFY(
            (confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDiscardBox"))));
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("cancelDiscardButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmDiscardBox")));
        QCOMPARE(view->topLevelItemCount(), 3);
        QVERIFY(!journal.isDiscarded(agentRun));

        // Promote… on a component with an unfinished run says so and offers to resume it.
        window.startPromotion(kComponent);
        QMessageBox *warning = nullptr;
        QTRY_VERIFY(
            (warning = window.findChild<QMessageBox *>(QStringLiteral("unfinishedRunBox"))));
        QVERIFY(warning->text().contains(kComponent));
        QVERIFY(!window.findChild<PromotionWizard *>());
        QTest::mouseClick(
            warning->findChild<QPushButton *>(QStringLiteral("resumeUnfinishedButton")),
            Qt::LeftButton);
        PromotionWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<PromotionWizard *>()) != nullptr);
        QCOMPARE(wizard->engine()->state().runId, agentRun);
        QCOMPARE(wizard->currentPage(), 1);
        // The run open in the wizard is not listed as interrupted.
        QTRY_VERIFY(!rowOf(view, kComponent, UnfinishedRunsPanel::ComponentColumn));
        wizard->close();
        QMessageBox *leave = nullptr;
        QTRY_VERIFY((leave = wizard->findChild<QMessageBox *>(QStringLiteral("confirmCloseBox"))));
        QTest::mouseClick(leave->findChild<QPushButton *>(QStringLiteral("confirmLeaveButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<PromotionWizard *>());
        QTRY_VERIFY(rowOf(view, kComponent, UnfinishedRunsPanel::ComponentColumn));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestUnfinishedRuns)
#include "tst_unfinishedruns.moc"
