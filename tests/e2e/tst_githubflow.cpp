// SPDX-License-Identifier: GPL-3.0-or-later
// Step 4 on GitHub, end to end: the real promotion-console promotes the demo
// with tracking.api_url pointing at a GitHub on 127.0.0.1 (FakeGitHubRepo,
// answering with GitHub's recorded replies). The issue is created, the run
// waits for QA, another login approves on GitHub, --resume deploys.
#include "fakegithubrepo.h"
#include "fakegithubserver.h"
#include "promotetestsupport.h"

#include <memory>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace PromoteTest;
using Promotion::Test::FakeGitHubRepo;
using Promotion::Test::FakeGitHubServer;

namespace {

const QString Repo = QStringLiteral("octo-org/tta");
const QString Token = QStringLiteral("ghp_e2eTestToken0123456789abcdefABCDEF");

void addTracking(const DemoCopy &demo, const QUrl &api, const QString &extra = {})
{
    QFile f(demo.path() + QStringLiteral("/promotion.yaml"));
    QVERIFY(f.open(QIODevice::Append));
    f.write(QStringLiteral("\ntracking:\n"
                           "  repository: %1\n"
                           "  api_url: %2\n"
                           "  project_owner: octo-org\n"
                           "  poll_seconds: 1\n"
                           "  approvers:\n"
                           "    qa: [bob-qa, \"@octo-org/qa\"]\n%3")
                .arg(Repo, api.toString(), extra)
                .toUtf8());
}

/* A GitHub on 127.0.0.1 with ada-lead's token, and a demo copy whose policy tracks there. */
struct GitHubDemo
{
    FakeGitHubServer server;
    std::unique_ptr<FakeGitHubRepo> github;
    DemoCopy demo;

    QString setUp()
    {
        if (!server.listen())
            return QStringLiteral("cannot listen on 127.0.0.1");
        github = std::make_unique<FakeGitHubRepo>(&server, Repo);
        github->addToken(Token, QStringLiteral("ada-lead"));
        if (!demo.ok())
            return demo.error();
        addTracking(demo, server.url());
        demo.setEnv(QStringLiteral("GH_TOKEN"), Token);
        return {};
    }
};

QStringList baseArgs()
{
    return {QStringLiteral("--component"), QStringLiteral("agent_orchestration"),
            QStringLiteral("--from"),      QStringLiteral("development"),
            QStringLiteral("--to"),        QStringLiteral("staging"),
            QStringLiteral("--accept-criteria"), QStringLiteral("all"),
            QStringLiteral("--approve"), QStringLiteral("tech_lead=Ada <ada@example.org>")};
}

/* Every file under \a root that contains \a needle. */
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() < 50 * 1024 * 1024 && f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace

class TestGitHubFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(APP_BINARY)), APP_BINARY); }
    // Every test gets a GitHub, a repository, a token and a demo copy of its own.
    void init()
    {
        m_fx = std::make_unique<GitHubDemo>();
        const QString setUpError = m_fx->setUp();
        QVERIFY2(setUpError.isEmpty(), qPrintable(setUpError));
    }
    void cleanup() { m_fx.reset(); }

    void approveByCommentThenResume()
    {
        GitHubDemo &fx = *m_fx;
        FakeGitHubRepo &github = *fx.github;
        DemoCopy &demo = fx.demo;

        // 1. The issue is created, labelled and put on the board; QA has not approved: exit 1.
        const Run first = demo.promoteSpinning(baseArgs());
        QVERIFY2(first.finished, first.out.constData());
        QVERIFY2(first.exitCode == 1, first.out.constData());
        QVERIFY2(github.issues().size() == 1, first.out.constData());
        const FakeGitHubRepo::Issue &issue = github.issues().first();
        QCOMPARE(issue.title, QStringLiteral("Promote agent_orchestration to staging"));
        QVERIFY(issue.labels.contains(QStringLiteral("component:agent_orchestration")));
        QVERIFY(issue.labels.contains(QStringLiteral("target:staging")));
        QVERIFY(github.repoLabels().contains(QStringLiteral("target:staging")));
        QCOMPARE(issue.boardColumn, QStringLiteral("staging"));
        QVERIFY(issue.body.contains(QStringLiteral("- [ ] QA approval")));
        const QString url = github.issueUrl(1);
        QVERIFY2(first.out.contains(url.toUtf8()), first.out.constData());
        QVERIFY2(first.out.contains("QA approval missing"), first.out.constData());
        QVERIFY(onlyReport(demo).isEmpty()); // not finished: no report, resumable

        // 2. Someone outside tracking.approvers.qa, then bob-qa, approve by comment.
        github.comment(1, QStringLiteral("mallory"), QStringLiteral("/approve qa"));
        const qint64 bobComment =
            github.comment(1, QStringLiteral("bob-qa"), QStringLiteral("Suites green.\n/approve qa all good"));

        // 3. --resume reads them, deploys, exits 0.
        const Run second = demo.promoteSpinning(baseArgs() << QStringLiteral("--resume"));
        QVERIFY2(second.finished, second.out.constData());
        QVERIFY2(second.exitCode == 0, second.out.constData());
        QCOMPARE(github.issues().size(), 1); // the same issue, never a second one

        const QJsonObject report = onlyReport(demo);
        QVERIFY(!report.isEmpty());
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("promoted"));
        QJsonObject qa;
        for (const QJsonValue &v : report.value(QStringLiteral("approvals")).toArray()) {
            if (v.toObject().value(QStringLiteral("role")).toString() == u"qa")
                qa = v.toObject();
        }
        QCOMPARE(qa.value(QStringLiteral("identity")).toString(), QStringLiteral("bob-qa"));
        QCOMPARE(qa.value(QStringLiteral("path")).toString(), QStringLiteral("comment"));
        QCOMPARE(qa.value(QStringLiteral("url")).toString(), github.commentUrl(1, bobComment));
        QVERIFY(!qa.value(QStringLiteral("time")).toString().isEmpty());
        const QJsonObject tracking = report.value(QStringLiteral("tracking")).toObject();
        QCOMPARE(tracking.value(QStringLiteral("url")).toString(), url);
        const QJsonArray rejected = tracking.value(QStringLiteral("github")).toObject()
                                        .value(QStringLiteral("rejected_approvals")).toArray();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().toObject().value(QStringLiteral("login")).toString(), QStringLiteral("mallory"));

        // 4. After the deploy: the outcome comment and the maturity label.
        const FakeGitHubRepo::Issue &after = github.issues().first();
        QVERIFY(std::any_of(after.comments.cbegin(), after.comments.cend(), [](const auto &c) {
            return c.author == u"ada-lead" && c.body.contains(QStringLiteral("Outcome: promoted"));
        }));
        QVERIFY2(after.labels.contains(QStringLiteral("maturity:staging")),
                 qPrintable(after.labels.join(u',')));

        // 5. The token is in no file the run wrote, and in no output.
        QVERIFY(!first.out.contains(Token.toUtf8()) && !first.err.contains(Token.toUtf8()));
        QVERIFY(!second.out.contains(Token.toUtf8()) && !second.err.contains(Token.toUtf8()));
        const QStringList leaks = filesContaining(demo.path(), Token.toUtf8());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    void checkboxTickWhileWaiting()
    {
        GitHubDemo &fx = *m_fx;
        FakeGitHubRepo &github = *fx.github;
        DemoCopy &demo = fx.demo;

        // bob-qa ticks the QA box on GitHub once the run says it is waiting, while
        // --wait-approvals polls every second. Ticking earlier would let the run find
        // the approval before it ever waits, and then nothing here tests the wait.
        bool ticked = false;
        const Run run = demo.promoteSpinning(baseArgs() << QStringLiteral("--dry-run")
                                                        << QStringLiteral("--wait-approvals")
                                                        << QStringLiteral("60s"));
        // A dry run changes nothing on GitHub either.
        QVERIFY2(run.finished, run.out.constData());
        QCOMPARE(github.issues().size(), 0);
        QVERIFY2(run.exitCode == 1, run.out.constData()); // QA missing, nobody can tick in a dry run
        QVERIFY2(run.out.contains("Outcome: blocked (exit 1): QA approval missing"), run.out.constData());

        const auto tickWhenWaiting = [&](const QByteArray &out) {
            // After the console's own tick of the tech-lead box: GitHub has no conditional
            // issue edit, so two edits in the same instant can lose one (as on GitHub).
            if (!ticked && out.contains("waiting for approvals") && !github.issues().isEmpty() &&
                github.issues().first().body.contains(QStringLiteral("- [x] Tech lead approval")))
                ticked = github.tick(1, QStringLiteral("bob-qa"), QStringLiteral("QA approval"));
        };
        const Run real = demo.promoteSpinning(baseArgs() << QStringLiteral("--wait-approvals")
                                                         << QStringLiteral("60s"),
                                              240000, tickWhenWaiting);
        QVERIFY2(real.finished, real.out.constData());
        if (real.exitCode != 0 && !github.issues().isEmpty()) {
            for (const auto &e : github.issues().first().edits)
                qInfo().noquote() << "edit by" << e.editor << e.at.toString(Qt::ISODateWithMs) << e.body.section(QStringLiteral("### Approval"), 1).left(200);
        }
        QVERIFY2(real.exitCode == 0, QByteArray(real.out + "\n" + real.err).constData());
        QVERIFY(ticked);
        QVERIFY2(real.out.contains("waiting for approvals"), real.out.constData());
        QJsonObject qa;
        for (const QJsonValue &v : onlyReportOf(demo, QStringLiteral("promoted")).value(QStringLiteral("approvals")).toArray()) {
            if (v.toObject().value(QStringLiteral("role")).toString() == u"qa")
                qa = v.toObject();
        }
        QCOMPARE(qa.value(QStringLiteral("identity")).toString(), QStringLiteral("bob-qa"));
        QCOMPARE(qa.value(QStringLiteral("path")).toString(), QStringLiteral("checkbox"));
    }

    void githubDownRunGoesOnAndQueueFlushesLater()
    {
        GitHubDemo &fx = *m_fx;
        FakeGitHubServer &server = fx.server;
        FakeGitHubRepo &github = *fx.github;
        DemoCopy &demo = fx.demo;
        github.setDown(true);

        // GitHub answers 503: the approvals given on the command line count, the run
        // promotes, and the issue actions stay queued in the journal.
        const Run run =
            demo.promoteSpinning(baseArgs() << QStringLiteral("--approve")
                                            << QStringLiteral("qa=Bob <bob@example.org>"));
        QVERIFY2(run.finished, run.out.constData());
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QCOMPARE(github.issues().size(), 0);
        const QJsonObject report = onlyReport(demo);
        const int inReport = reportGitHub(report).value(QStringLiteral("pending_actions")).toInt();
        QVERIFY(inReport > 0);
        // The summary line agrees with the report: what it counted, plus the outcome comment
        // and the two label changes queued after it (ensure, add, remove the previous stage's).
        const QRegularExpression line(
            QStringLiteral("GitHub: no issue yet \\((\\d+) action\\(s\\) pending, (\\d+) of them "
                           "queued after the report: "));
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(run.out));
        QVERIFY2(m.hasMatch(), run.out.constData());
        QCOMPARE(m.captured(2).toInt(), 4);
        QCOMPARE(m.captured(1).toInt(), inReport + 4);
        // Said when step 4 ended, as the report counts it...
        QVERIFY2(run.out.contains(
                     QStringLiteral("%1 GitHub action(s) pending: ").arg(inReport).toUtf8()),
                 run.out.constData());
        // ...but step 4's summary keeps no count that goes stale once the queue is sent.
        const QJsonArray steps = report.value(QStringLiteral("steps")).toArray();
        QVERIFY(!steps.at(3)
                     .toObject()
                     .value(QStringLiteral("summary"))
                     .toString()
                     .contains(QStringLiteral("pending")));

        // GitHub is back: --resume RUN_ID sends the queue, in order, once.
        const QString runId = report.value(QStringLiteral("run_id")).toString();
        QVERIFY(!runId.isEmpty());
        github.setDown(false);
        server.clearRequests();
        const Run flush = demo.promoteSpinning(baseArgs() << QStringLiteral("--resume") << runId);
        QVERIFY2(flush.exitCode == 0, flush.out.constData());
        QVERIFY2(flush.out.contains("queued GitHub action(s) sent"), flush.out.constData());
        QCOMPARE(github.issues().size(), 1);
        const FakeGitHubRepo::Issue &issue = github.issues().first();
        QVERIFY(issue.body.contains(QStringLiteral("- [x] QA approval")));
        QVERIFY(issue.body.contains(QStringLiteral("- [x] Tech lead approval")));
        QVERIFY(issue.labels.contains(QStringLiteral("maturity:staging")));
        QStringList comments;
        for (const auto &c : issue.comments)
            comments << c.body;
        // Approvals first (in the order given), the outcome last.
        QVERIFY2(comments.size() == 3, qPrintable(comments.join(u'\n')));
        QVERIFY(comments.at(0).contains(QStringLiteral("Tech lead approval")));
        QVERIFY(comments.at(1).contains(QStringLiteral("QA approval")) &&
                comments.at(1).contains(QStringLiteral("Bob <bob@example.org>")) &&
                comments.at(1).contains(QStringLiteral("the command line")));
        QVERIFY(comments.at(2).contains(QStringLiteral("Outcome: promoted")));
        // The first write is the issue, after the labels it needs.
        QStringList writes;
        for (const auto &r : server.requests()) {
            if (r.method != "GET" && r.path != u"/graphql")
                writes << QString::fromLatin1(r.method) + u' ' + r.path;
        }
        QVERIFY2(writes.indexOf(QStringLiteral("POST /repos/octo-org/tta/issues")) >
                     writes.indexOf(QStringLiteral("POST /repos/octo-org/tta/labels")),
                 qPrintable(writes.join(u'\n')));

        // Nothing is left to send: a second --resume is refused.
        const Run again = demo.promoteSpinning(baseArgs() << QStringLiteral("--resume") << runId);
        QCOMPARE(again.exitCode, 2);
        QCOMPARE(github.issues().first().comments.size(), 3);
    }

    void rollbackFilesTheRollbackIssue()
    {
        GitHubDemo &fx = *m_fx;
        FakeGitHubRepo &github = *fx.github;
        DemoCopy &demo = fx.demo;
        github.setBoardMissing(true); // a tracking error that must not block
        demo.setEnv(QStringLiteral("DEMO_ERROR_RATE"), QStringLiteral("2"));

        const Run run =
            demo.promoteSpinning(baseArgs() << QStringLiteral("--approve")
                                            << QStringLiteral("qa=Bob <bob@example.org>"));
        QVERIFY2(run.finished, run.out.constData());
        QVERIFY2(run.exitCode == 3, run.out.constData()); // rolled back
        QVERIFY2(github.issues().size() == 2,
                 QJsonDocument(reportGitHub(onlyReportOf(demo, QStringLiteral("rolled_back")))
                                   .value(QStringLiteral("actions"))
                                   .toArray())
                     .toJson()
                     .constData());
        const FakeGitHubRepo::Issue &promotion = github.issues().at(0);
        const FakeGitHubRepo::Issue &rollback = github.issues().at(1);
        QCOMPARE(rollback.title, QStringLiteral("Rollback agent_orchestration from staging"));
        QVERIFY(rollback.labels.contains(QStringLiteral("rollback")));
        QVERIFY(rollback.labels.contains(QStringLiteral("component:agent_orchestration")));
        QVERIFY2(rollback.body.contains(QStringLiteral("error_rate")), qPrintable(rollback.body));
        QVERIFY(rollback.body.contains(github.issueUrl(1)));
        QVERIFY(rollback.body.contains(QStringLiteral("| time | health | error rate | p95 |")));
        // The promotion issue links it, and records the outcome; no maturity label.
        QVERIFY(std::any_of(promotion.comments.cbegin(), promotion.comments.cend(), [&](const auto &c) {
            return c.body.contains(QStringLiteral("Rolled back")) && c.body.contains(github.issueUrl(2));
        }));
        QVERIFY(std::any_of(promotion.comments.cbegin(), promotion.comments.cend(), [](const auto &c) {
            return c.body.contains(QStringLiteral("Outcome: rolled_back"));
        }));
        QVERIFY(!promotion.labels.contains(QStringLiteral("maturity:staging")));
        // The board could not be found: said in the report, kept for retry, did not block.
        QVERIFY(promotion.boardColumn.isEmpty());
        const QJsonObject github_ = reportGitHub(onlyReportOf(demo, QStringLiteral("rolled_back")));
        QVERIFY2(github_.value(QStringLiteral("last_error")).toString().contains(QStringLiteral("TTA Component Maturity")),
                 qPrintable(github_.value(QStringLiteral("last_error")).toString()));
        QCOMPARE(github_.value(QStringLiteral("pending_actions")).toInt(), 1);
    }

    void failedFollowUpFilesTheRollbackIssue()
    {
        GitHubDemo &fx = *m_fx;
        FakeGitHubRepo &github = *fx.github;
        DemoCopy &demo = fx.demo;
        const Run run =
            demo.promoteSpinning(baseArgs() << QStringLiteral("--approve")
                                            << QStringLiteral("qa=Bob <bob@example.org>"));
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QCOMPARE(github.issues().size(), 1);

        // The service stops: the follow-up fails, and files the rollback issue once.
        QProcess down;
        down.setProcessEnvironment(demo.environment());
        down.start(demo.path() + QStringLiteral("/tools/bin/demo-cluster-down"), {});
        QVERIFY(down.waitForFinished(20000));
        auto followUp = [&] {
            QProcess p;
            p.setProcessEnvironment(demo.environment());
            p.start(QStringLiteral(APP_BINARY), {QStringLiteral("follow-up"), QStringLiteral("--workspace"),
                                                 demo.path(), QStringLiteral("--now")});
            p.waitForStarted();
            QElapsedTimer t;
            t.start();
            while (p.state() != QProcess::NotRunning && t.elapsed() < 120000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            return std::pair<int, QByteArray>(p.exitCode(), p.readAllStandardOutput());
        };
        const auto [code, out] = followUp();
        QVERIFY2(code == 3, out.constData());
        QVERIFY2(out.contains(QByteArray(QByteArray("rollback issue: ") + github.issueUrl(2).toUtf8())), out.constData());
        QCOMPARE(github.issues().size(), 2);
        const FakeGitHubRepo::Issue &rollback = github.issues().at(1);
        QCOMPARE(rollback.title, QStringLiteral("Rollback agent_orchestration from staging"));
        QVERIFY(rollback.labels.contains(QStringLiteral("rollback")));
        QVERIFY(rollback.body.contains(github.issueUrl(1)));
        const auto &comments = github.issues().at(0).comments;
        QVERIFY(std::any_of(comments.cbegin(), comments.cend(), [&](const auto &c) {
            return c.body.contains(QStringLiteral("follow-up failed")) && c.body.contains(github.issueUrl(2));
        }));
        // A second failed check finds the same rollback issue.
        const auto [again, out2] = followUp();
        QCOMPARE(again, 3);
        QCOMPARE(github.issues().size(), 2);
        Q_UNUSED(out2)
    }

private:
    std::unique_ptr<GitHubDemo> m_fx;

    static QJsonObject onlyReportOf(const DemoCopy &demo, const QString &outcome)
    {
        QDir dir(demo.path() + QStringLiteral("/.promotion/reports"));
        for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const QJsonObject o = readJson(dir.filePath(f));
            if (o.value(QStringLiteral("outcome")).toString() == outcome)
                return o;
        }
        return {};
    }
};

QTEST_GUILESS_MAIN(TestGitHubFlow)
#include "tst_githubflow.moc"
