// SPDX-License-Identifier: GPL-3.0-or-later
// Page 4 with GitHub: the wizard on a demo copy whose policy names a repository
// served from 127.0.0.1 (FakeGitHubRepo). A box ticked on GitHub shows within
// one poll; a tick in the console reaches the issue body on the server.
#include "checklistmodel.h"
#include "checklistsupport.h"
#include "demo/demoworkspace.h"
#include "fakegithubrepo.h"
#include "fakegithubserver.h"
#include "promotionwizard.h"
#include "testsettings.h"
#include "workflow/promotionengine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Promotion;
using Promotion::Test::FakeGitHubRepo;
using Promotion::Test::FakeGitHubServer;

namespace {

const QString Token = QStringLiteral("ghp_guiTestToken0123456789abcdefABCDEF");

template<typename T>
T *child(QWidget *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

QByteArray policy(const QUrl &api)
{
    return QStringLiteral(R"(version: 1
options:
  skip_approval_role: ""
environment:
  PATH: "{workspace}/tools/bin:{env:PATH}"
transitions:
  - from: development
    to: staging
    gates: [integration_tests_exist]
    criteria:
      - {id: integration_tests_written, text: Integration tests written, proven_by: [integration_tests_exist]}
    approvals: [tech_lead, qa]
tracking:
  repository: octo-org/tta
  api_url: %1
  project: ""
  poll_seconds: 1
  approvers:
    qa: [bob-qa]
)")
        .arg(api.toString())
        .toUtf8();
}

} // namespace

class TestWizardGitHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_wizardgithub"));
        QVERIFY(TestSettings::isolate(m_settings));
        QSettings().clear();
        qputenv("GH_TOKEN", Token.toUtf8());
    }

    void tickOnGitHubAndInTheConsole()
    {
        FakeGitHubServer server;
        QVERIFY(server.listen());
        FakeGitHubRepo github(&server, QStringLiteral("octo-org/tta"));
        github.addToken(Token, QStringLiteral("alice-gh"));

        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("demo"));
        const QString error = DemoWorkspace::extractTo(root);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile yaml(root + QStringLiteral("/promotion.yaml"));
        QVERIFY(yaml.open(QIODevice::WriteOnly | QIODevice::Truncate));
        yaml.write(policy(server.url()));
        yaml.close();

        PromotionWizard wizard(root);
        PromotionEngine *engine = wizard.engine();
        wizard.setComponent(QStringLiteral("agent_orchestration"));
        wizard.resize(1280, 820);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *next = child<QPushButton>(&wizard, "wizardNextButton");

        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), 1, 10000);
        QTest::mouseClick(child<QPushButton>(&wizard, "runGatesButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(engine->state().step(StepId::QualityGates).status,
                                  StepStatus::Passed, 60000);
        QTRY_VERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE(wizard.currentPage(), 2);
        QTRY_VERIFY(next->isEnabled()); // the one criterion is proven by the gate
        // GitHub's rate limit is spent: creating the issue waits for its reset, in 3 s.
        server.once(
            "POST", QStringLiteral("/repos/octo-org/tta/issues"),
            FakeGitHubServer::Reply::json(
                403,
                QJsonObject{{QStringLiteral("message"), QStringLiteral("API rate limit exceeded")}},
                {{"X-RateLimit-Remaining", "0"},
                 {"X-RateLimit-Reset",
                  QByteArray::number(QDateTime::currentSecsSinceEpoch() + 3)}}));
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE(wizard.currentPage(), 3);

        // Page 4 counts the wait down, then the issue is created on GitHub and linked.
        auto *status = child<QLabel>(&wizard, "githubStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral(
                                      "Waiting for GitHub's rate limit: retrying in ")),
                                  qPrintable(status->text()), 10000);
        QVERIFY(status->text().contains(QStringLiteral("X-RateLimit-Reset")));
        QTRY_COMPARE_WITH_TIMEOUT(github.issues().size(), 1, 15000);
        QTRY_VERIFY(!status->text().contains(QStringLiteral("rate limit")));
        QTRY_VERIFY2(status->text().contains(github.issueUrl(1)), qPrintable(status->text()));
        QTRY_VERIFY(status->text().contains(QStringLiteral("@alice-gh")));
        QVERIFY(child<QPushButton>(&wizard, "refreshApprovals")->isVisible());

        // A tick in the console (as the token's login) reaches the issue body.
        auto *approvals = child<QTreeView>(&wizard, "approvalsView");
        auto *model = qobject_cast<ChecklistModel *>(approvals->model());
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY(!engine->isBusy());
        ChecklistKeys::tick(approvals, QStringLiteral("tech_lead"));
        QTRY_VERIFY_WITH_TIMEOUT(github.issues().first().body.contains(QStringLiteral("- [x] Tech lead approval")),
                                 10000);
        QCOMPARE(model->index(model->rowOf(QStringLiteral("tech_lead")), 0).data(ChecklistModel::IdentityRole).toString(),
                 QStringLiteral("alice-gh"));
        QTRY_VERIFY(std::any_of(github.issues().first().comments.cbegin(), github.issues().first().comments.cend(),
                                [](const auto &c) {
                                    return c.author == u"alice-gh" && c.body.contains(QStringLiteral("Tech lead approval")) &&
                                           c.body.contains(QStringLiteral("Promotion Console"));
                                }));

        // mallory ticks QA on GitHub: not among the approvers, shown as not counted.
        QVERIFY(github.tick(1, QStringLiteral("mallory"), QStringLiteral("QA approval")));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Not counted")), 5000);
        QVERIFY(status->text().contains(QStringLiteral("mallory")));
        QVERIFY(!next->isEnabled());

        // bob-qa ticks it again on GitHub: the page shows it within one poll (1 s here).
        QVERIFY(github.tick(1, QStringLiteral("bob-qa"), QStringLiteral("QA approval"), false));
        QVERIFY(github.tick(1, QStringLiteral("bob-qa"), QStringLiteral("QA approval")));
        const QModelIndex qa = model->index(model->rowOf(QStringLiteral("qa")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(qa.data(Qt::CheckStateRole).toInt() == Qt::Checked, 2500);
        QCOMPARE(model->index(qa.row(), ChecklistModel::ByColumn).data().toString(),
                 QStringLiteral("bob-qa — ticked on GitHub"));
        QTRY_VERIFY(next->isEnabled());
        QCOMPARE(engine->state().step(StepId::Tracking).status, StepStatus::Passed);
        wizard.close();
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWizardGitHub)
#include "tst_wizardgithub.moc"
