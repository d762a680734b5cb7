// SPDX-License-Identifier: GPL-3.0-or-later
// GitHub was down while the demo was promoted: the run finished, its issue, comments and
// labels stayed queued in the journal. The main window lists that run with the unfinished
// ones; Resume opens the wizard on step 4, which sends the queue once GitHub answers.
#include "fakegithubrepo.h"
#include "fakegithubserver.h"
#include "mainwindow.h"
#include "policy/policytrust.h"
#include "promotetestsupport.h"
#include "promotionwizard.h"
#include "testsettings.h"
#include "unfinishedrunspanel.h"
#include "workflow/githubtracking.h"
#include "workflow/promotionengine.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QtTest>

using namespace Promotion;
using namespace PromoteTest;
using Promotion::Test::FakeGitHubRepo;
using Promotion::Test::FakeGitHubServer;

namespace {

const QString Token = QStringLiteral("ghp_queuedTestToken0123456789abcdefABCD");

template <typename T> T *child(QWidget *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

PromotionWizard *openWizard()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *wizard = qobject_cast<PromotionWizard *>(w); wizard && wizard->isVisible())
            return wizard;
    }
    return nullptr;
}

} // namespace

class TestQueuedGitHubActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_queuedgithubactions"));
        QVERIFY(TestSettings::isolate(m_settings));
        QSettings().clear();
        qputenv("GH_TOKEN", Token.toUtf8());
    }

    void resumeSendsTheQueue()
    {
        FakeGitHubServer server;
        QVERIFY(server.listen());
        FakeGitHubRepo github(&server, QStringLiteral("octo-org/tta"));
        github.addToken(Token, QStringLiteral("ada-lead"));
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        {
            QFile yaml(demo.path() + QStringLiteral("/promotion.yaml"));
            QVERIFY(yaml.open(QIODevice::Append));
            yaml.write(QStringLiteral("\ntracking:\n  repository: octo-org/tta\n  api_url: %1\n"
                                      "  poll_seconds: 1\n")
                           .arg(server.url().toString())
                           .toUtf8());
        }
        demo.setEnv(QStringLiteral("GH_TOKEN"), Token);

        // GitHub answers 503 throughout the promotion: it promotes, the actions stay queued.
        github.setDown(true);
        const Run run = demo.promoteSpinning(
            {QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
             QStringLiteral("--from"), QStringLiteral("development"), QStringLiteral("--to"),
             QStringLiteral("staging"), QStringLiteral("--accept-criteria"), QStringLiteral("all"),
             QStringLiteral("--approve"), QStringLiteral("tech_lead=Ada <ada@example.org>"),
             QStringLiteral("--approve"), QStringLiteral("qa=Bob <bob@example.org>")});
        QVERIFY2(run.finished && run.exitCode == 0, run.out.constData());
        QVERIFY2(run.out.contains("pending"), run.out.constData());
        QCOMPARE(github.issues().size(), 0);

        // The main window lists the finished run, and says what resuming it does.
        PolicyTrust::trust(demo.path());
        MainWindow window;
        window.resize(1024, 700);
        QVERIFY(window.openWorkspace(demo.path()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *panel = child<UnfinishedRunsPanel>(&window, "unfinishedRunsPanel");
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(panel->runCount(), 1);
        QTreeWidgetItem *row = panel->view()->topLevelItem(0);
        QCOMPARE(row->text(UnfinishedRunsPanel::ComponentColumn),
                 QStringLiteral("agent_orchestration"));
        const QString note = row->text(UnfinishedRunsPanel::NoteColumn);
        QVERIFY2(note.contains(QStringLiteral("promoted")) &&
                     note.contains(QStringLiteral("GitHub action")) &&
                     note.contains(QStringLiteral("resume to send them")),
                 qPrintable(note));

        // Discard would drop the queue: the question says so (and Cancel keeps the run).
        QTest::mouseClick(child<QPushButton>(panel, "discardRunButton"), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmDiscardBox"))));
        QVERIFY2(box->informativeText().contains(QStringLiteral("will not be sent")),
                 qPrintable(box->informativeText()));
        QTest::mouseClick(child<QPushButton>(box, "cancelDiscardButton"), Qt::LeftButton);
        QTRY_COMPARE(panel->runCount(), 1);

        // Resumed while GitHub is still down: step 4 counts what is pending, and how many of
        // those came after the report (which counts the others); its summary holds no count.
        const int inReport =
            reportGitHub(onlyReport(demo)).value(QStringLiteral("pending_actions")).toInt();
        QVERIFY(inReport > 0);
        server.clearRequests();
        QTest::mouseClick(child<QPushButton>(panel, "resumeRunButton"), Qt::LeftButton);
        PromotionWizard *wizard = nullptr;
        QTRY_VERIFY((wizard = openWizard()));
        auto *status = child<QLabel>(wizard, "githubStatus");
        // (The test loads no translation, so the plural is the source text's "action(s)".)
        const QString counted =
            QStringLiteral("%1 GitHub action(s) pending, 4 of them queued after the report was "
                           "written")
                .arg(inReport + 4);
        // After the resume's attempt to send them (GitHub answered 503).
        QTRY_VERIFY2_WITH_TIMEOUT(!server.requests().isEmpty() &&
                                      !wizard->engine()->github()->isBusy() &&
                                      status->text().contains(counted),
                                  qPrintable(status->text()), 30000);
        const QString summary = child<QLabel>(wizard, "trackingStatus")->text();
        QVERIFY2(summary.contains(QStringLiteral("approval(s) recorded")) &&
                     !summary.contains(QStringLiteral("pending")),
                 qPrintable(summary));
        wizard->close();
        QTRY_VERIFY(!openWizard());
        QTRY_COMPARE(panel->runCount(), 1);

        // GitHub is back. Resume: the wizard opens on step 4 and sends the queue, once.
        github.setDown(false);
        QTest::mouseClick(child<QPushButton>(panel, "resumeRunButton"), Qt::LeftButton);
        QTRY_VERIFY((wizard = openWizard()));
        QCOMPARE(wizard->currentPage(), int(StepId::Tracking));
        QVERIFY(wizard->isRunFinished());
        QVERIFY(child<QLabel>(wizard, "reportLocation")->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(wizard->engine()->state().github.pendingActions, 0, 30000);
        QCOMPARE(github.issues().size(), 1);
        const FakeGitHubRepo::Issue &issue = github.issues().first();
        QVERIFY(issue.labels.contains(QStringLiteral("maturity:staging")));
        QCOMPARE(issue.comments.size(), 3); // two approvals and the outcome, each once
        status = child<QLabel>(wizard, "githubStatus");
        QTRY_VERIFY2(status->text().contains(github.issueUrl(1)), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QStringLiteral("pending")));

        // Closed, nothing is left to resume: the panel goes.
        wizard->close();
        QTRY_VERIFY(!openWizard());
        QTRY_COMPARE(panel->runCount(), 0);
        QVERIFY(!panel->isVisible());
        QCOMPARE(github.issues().first().comments.size(), 3);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestQueuedGitHubActions)
#include "tst_queuedgithubactions.moc"
