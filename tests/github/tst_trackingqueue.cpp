// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegithubserver.h"

#include "github/githubclient.h"
#include "github/trackingqueue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Promotion;
using Promotion::Test::FakeGitHubServer;
using Reply = FakeGitHubServer::Reply;

namespace {

const QString Repo = QStringLiteral("octo-org/tta");
const QString Marker = QStringLiteral("<!-- promotion-console run: 20261201-1200-abc -->");

/* A small stateful GitHub: issues with labels and comments, for whole flushes. */
struct MiniGitHub
{
    QJsonArray issues;
    QJsonArray comments; //!< of every issue, as GitHub lists one issue's
    int nextNumber = 7;

    FakeGitHubServer::Handler handler(FakeGitHubServer *server)
    {
        return [this, server](const FakeGitHubServer::Request &req) -> std::optional<Reply> {
            const QString issuesPath = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues");
            if (req.method == "GET" && req.path == issuesPath)
                return Reply::json(200, issues);
            if (req.method == "POST" && req.path == issuesPath) {
                QJsonObject issue = FakeGitHubServer::fixtureBody(QStringLiteral("create-issue")).toObject();
                issue.insert(QStringLiteral("number"), nextNumber);
                issue.insert(QStringLiteral("node_id"), QString(QStringLiteral("I_node") + QString::number(nextNumber)));
                issue.insert(QStringLiteral("html_url"), server->url(QStringLiteral("/octo-org/tta/issues/") +
                                                                     QString::number(nextNumber))
                                                             .toString());
                issue.insert(QStringLiteral("title"), req.json().value(QStringLiteral("title")));
                issue.insert(QStringLiteral("body"), req.json().value(QStringLiteral("body")));
                ++nextNumber;
                issues.prepend(issue);
                return Reply::json(201, issue);
            }
            if (req.method == "POST" && req.path.endsWith(QStringLiteral("/labels")))
                return FakeGitHubServer::fixture(QStringLiteral("add-labels"));
            if (req.method == "GET" && req.path.endsWith(QStringLiteral("/comments")))
                return Reply::json(200, comments);
            if (req.method == "POST" && req.path.endsWith(QStringLiteral("/comments"))) {
                QJsonObject comment =
                    FakeGitHubServer::fixtureBody(QStringLiteral("issue-comments"))
                        .toArray()
                        .first()
                        .toObject();
                comment.insert(QStringLiteral("id"), 9000 + comments.size());
                comment.insert(QStringLiteral("body"), req.json().value(QStringLiteral("body")));
                comments.append(comment);
                return Reply::json(201, comment);
            }
            if (req.method == "PATCH" && req.path.startsWith(issuesPath))
                return Reply::json(200, QJsonObject{{QStringLiteral("number"), 7},
                                                    {QStringLiteral("body"), req.json().value(QStringLiteral("body"))}});
            return std::nullopt;
        };
    }
};

QStringList calls(const FakeGitHubServer &server)
{
    QStringList out;
    for (const auto &r : server.requests())
        out << QString::fromLatin1(r.method) + u' ' + r.path;
    return out;
}

} // namespace

class TestTrackingQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionJsonRoundTrip();
    void rejectsUnknownActions();
    void offlineThenFlushesInOrder();
    void noDuplicateIssueAfterKill();
    void noDuplicateCommentAfterKill();
    void nonRetryableFailureStopsAndKeepsTheRest();

private:
    static GitHubConfig config(const FakeGitHubServer &server)
    {
        GitHubConfig c;
        c.apiUrl = server.url();
        c.repository = Repo;
        c.token = QStringLiteral("test-token-not-real-123");
        c.backoffMs = 20;
        c.maxAttempts = 2;
        return c;
    }
    static QList<TrackingAction> standardActions()
    {
        return {TrackingAction::createIssue(QStringLiteral("Promote tta to staging"),
                                            QStringLiteral("body\n") + Marker,
                                            {QStringLiteral("component:tta")}, Marker),
                TrackingAction::addLabels({QStringLiteral("target:staging")}),
                TrackingAction::comment(QStringLiteral("Gates passed.")),
                TrackingAction::editBody(QStringLiteral("body v2\n") + Marker)};
    }
};

void TestTrackingQueue::actionJsonRoundTrip()
{
    QList<TrackingAction> all = standardActions();
    all << TrackingAction::removeLabel(QStringLiteral("target:development"))
        << TrackingAction::ensureLabel(QStringLiteral("promotion"), QStringLiteral("0e8a16"))
        << TrackingAction::moveToColumn(QStringLiteral("TTA Component Maturity"), QStringLiteral("octo-org"),
                                        QStringLiteral("Status"), QStringLiteral("staging"));
    all[1].state = TrackingAction::State::Failed;
    all[1].error = {GitHubError::Kind::Validation, 422, QStringLiteral("bad label")};
    for (const TrackingAction &a : std::as_const(all)) {
        const QJsonObject json = a.toJson();
        // Through text, as the journal stores it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QString error;
        const std::optional<TrackingAction> back = TrackingAction::fromJson(reread, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(back->toJson(), json);
    }
    TrackingQueue queue(nullptr);
    for (const TrackingAction &a : std::as_const(all))
        queue.enqueue(a);
    TrackingQueue copy(nullptr);
    QVERIFY(copy.fromJson(queue.toJson()));
    QCOMPARE(copy.toJson(), queue.toJson());
    QCOMPARE(copy.actions().size(), 7);
    QCOMPARE(copy.actions()[6].option, QStringLiteral("staging"));
}

void TestTrackingQueue::rejectsUnknownActions()
{
    QString error;
    QVERIFY(!TrackingAction::fromJson({{QStringLiteral("type"), QStringLiteral("close_issue")}}, &error));
    QVERIFY(error.contains(QStringLiteral("close_issue")));
    QVERIFY(!TrackingAction::fromJson({{QStringLiteral("type"), QStringLiteral("comment")},
                                       {QStringLiteral("state"), QStringLiteral("maybe")}},
                                      &error));
}

void TestTrackingQueue::offlineThenFlushesInOrder()
{
    FakeGitHubServer server;
    QVERIFY(server.listen());
    const quint16 port = server.port();
    GitHubClient client(config(server));
    server.close(); // GitHub is down

    TrackingQueue queue(&client);
    for (const TrackingAction &a : standardActions())
        queue.enqueue(a);
    QSignalSpy finished(&queue, &TrackingQueue::flushFinished);
    QSignalSpy progress(&queue, &TrackingQueue::progress);
    QVERIFY(queue.flush());
    QVERIFY(!queue.flush()); // one flush at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).value<TrackingQueue::Outcome>(), TrackingQueue::Outcome::Pending);
    QCOMPARE(queue.pendingCount(), 4);
    QCOMPARE(queue.actions().first().state, TrackingAction::State::Pending);
    QCOMPARE(queue.actions().first().error.kind, GitHubError::Kind::Network);

    // The journal keeps the queue; a restarted console reads it back.
    TrackingQueue resumed(&client);
    QVERIFY(resumed.fromJson(QJsonDocument::fromJson(QJsonDocument(queue.toJson()).toJson()).object()));

    MiniGitHub github;
    QVERIFY(server.listen(port)); // back, same address
    server.setHandler(github.handler(&server));
    QSignalSpy again(&resumed, &TrackingQueue::flushFinished);
    QVERIFY(resumed.flush());
    QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 10000);
    QCOMPARE(again.first().at(0).value<TrackingQueue::Outcome>(), TrackingQueue::Outcome::AllDone);
    QCOMPARE(resumed.pendingCount(), 0);
    const QString issues = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues");
    QCOMPARE(calls(server),
             (QStringList{QStringLiteral("GET ") + issues, QStringLiteral("POST ") + issues,
                          QStringLiteral("POST ") + issues + QStringLiteral("/7/labels"),
                          QStringLiteral("GET ") + issues + QStringLiteral("/7/comments"),
                          QStringLiteral("POST ") + issues + QStringLiteral("/7/comments"),
                          QStringLiteral("PATCH ") + issues + QStringLiteral("/7")}));
    QCOMPARE(resumed.issue().number, 7);
    QCOMPARE(resumed.actions().first().result.value(QStringLiteral("reused")).toBool(), false);
    // The comment as written, with its marker after it (an HTML comment GitHub does not show).
    QCOMPARE(github.comments.size(), 1);
    QCOMPARE(github.comments.first().toObject().value(QStringLiteral("body")).toString(),
             QStringLiteral("Gates passed.\n\n") + resumed.actions().at(2).marker);
    QVERIFY(progress.size() >= 1);
}

void TestTrackingQueue::noDuplicateIssueAfterKill()
{
    // The console created the issue, then was killed before the journal said so:
    // GitHub has the issue (its body carries the marker), the journal still has CreateIssue pending.
    FakeGitHubServer server;
    QVERIFY(server.listen());
    MiniGitHub github;
    QJsonObject existing = FakeGitHubServer::fixtureBody(QStringLiteral("create-issue")).toObject();
    existing.insert(QStringLiteral("number"), 42);
    existing.insert(QStringLiteral("node_id"), QStringLiteral("I_existing42"));
    existing.insert(QStringLiteral("body"), QString(QStringLiteral("body\n") + Marker));
    QJsonObject pr = existing;
    pr.insert(QStringLiteral("number"), 43);
    pr.insert(QStringLiteral("pull_request"), QJsonObject{});
    github.issues = {pr, existing};
    server.setHandler(github.handler(&server));

    GitHubClient client(config(server));
    TrackingQueue queue(&client);
    for (const TrackingAction &a : standardActions().mid(0, 2))
        queue.enqueue(a);
    QSignalSpy finished(&queue, &TrackingQueue::flushFinished);
    QVERIFY(queue.flush());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).value<TrackingQueue::Outcome>(), TrackingQueue::Outcome::AllDone);
    const QString issues = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues");
    QCOMPARE(server.count("POST", issues), 0);
    QCOMPARE(server.count("POST", issues + QStringLiteral("/42/labels")), 1);
    QCOMPARE(queue.issue().number, 42);
    QCOMPARE(queue.actions().first().result.value(QStringLiteral("reused")).toBool(), true);
}

/* A flush to its end; nullopt when it did not end within 10 s. */
static std::optional<TrackingQueue::Outcome> flushed(TrackingQueue &queue)
{
    QSignalSpy finished(&queue, &TrackingQueue::flushFinished);
    if (!queue.flush() || !finished.wait(10000))
        return std::nullopt;
    return finished.first().at(0).value<TrackingQueue::Outcome>();
}

/* \a journal as it was when its last action had been sent but not yet answered: pending. */
static QJsonObject killedBeforeTheLastAnswer(QJsonObject journal)
{
    QJsonArray actions = journal.value(QStringLiteral("actions")).toArray();
    QJsonObject last = actions.last().toObject();
    last.insert(QStringLiteral("state"), QStringLiteral("pending"));
    last.remove(QStringLiteral("result"));
    actions.replace(actions.size() - 1, last);
    journal.insert(QStringLiteral("actions"), actions);
    return journal;
}

void TestTrackingQueue::noDuplicateCommentAfterKill()
{
    // The comment went out, then the console was killed before the journal said so: the
    // journal's queue still has it pending. Resumed, the queue finds it by its marker.
    FakeGitHubServer server;
    QVERIFY(server.listen());
    MiniGitHub github;
    server.setHandler(github.handler(&server));
    GitHubClient client(config(server));
    TrackingQueue first(&client);
    for (const TrackingAction &a : standardActions().mid(0, 3))
        first.enqueue(a);
    QCOMPARE(flushed(first), TrackingQueue::Outcome::AllDone);
    QCOMPARE(github.comments.size(), 1);
    QCOMPARE(first.actions().last().type, TrackingAction::Type::Comment);

    TrackingQueue resumed(&client);
    QVERIFY(resumed.fromJson(killedBeforeTheLastAnswer(first.toJson())));
    QCOMPARE(resumed.pendingCount(), 1);
    QCOMPARE(flushed(resumed), TrackingQueue::Outcome::AllDone);
    QCOMPARE(github.comments.size(), 1); // not posted twice
    QCOMPARE(resumed.actions().last().result.value(QStringLiteral("reused")).toBool(), true);
    const QString issues = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues");
    QCOMPARE(server.count("POST", issues + QStringLiteral("/7/comments")), 1);

    // A rollback issue linked from the promotion issue: found again by its marker on resume,
    // and so is the comment that links it.
    const QString rollbackMarker = QStringLiteral("<!-- promotion-console rollback: 1 -->");
    TrackingQueue linking(&client);
    QVERIFY(linking.fromJson(first.toJson()));
    linking.enqueue(TrackingAction::createLinkedIssue(
        QStringLiteral("Rollback tta"), QStringLiteral("why\n") + rollbackMarker,
        {QStringLiteral("rollback")}, rollbackMarker, QStringLiteral("Rolled back, see")));
    QCOMPARE(flushed(linking), TrackingQueue::Outcome::AllDone);
    QCOMPARE(github.comments.size(), 2);
    TrackingQueue relinking(&client);
    QVERIFY(relinking.fromJson(killedBeforeTheLastAnswer(linking.toJson())));
    QCOMPARE(flushed(relinking), TrackingQueue::Outcome::AllDone);
    QCOMPARE(github.comments.size(), 2); // the link is not commented twice
    QCOMPARE(github.issues.size(), 2);   // nor the rollback issue created twice
    QCOMPARE(relinking.actions().last().result.value(QStringLiteral("reused")).toBool(), true);

    // Two comments with the same words are still two comments: each has its own marker.
    TrackingQueue twice(&client);
    QVERIFY(twice.fromJson(first.toJson()));
    twice.enqueue(TrackingAction::comment(QStringLiteral("Gates passed.")));
    QCOMPARE(flushed(twice), TrackingQueue::Outcome::AllDone);
    QCOMPARE(github.comments.size(), 3);
}

void TestTrackingQueue::nonRetryableFailureStopsAndKeepsTheRest()
{
    FakeGitHubServer server;
    QVERIFY(server.listen());
    MiniGitHub github;
    server.setHandler(github.handler(&server));
    const QString labels = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues/7/labels");
    server.on("POST", labels, FakeGitHubServer::fixture(QStringLiteral("validation-failed")));
    server.on("POST", labels, FakeGitHubServer::fixture(QStringLiteral("add-labels")));

    GitHubClient client(config(server));
    TrackingQueue queue(&client);
    for (const TrackingAction &a : standardActions())
        queue.enqueue(a);
    QSignalSpy finished(&queue, &TrackingQueue::flushFinished);
    QVERIFY(queue.flush());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).value<TrackingQueue::Outcome>(), TrackingQueue::Outcome::Failed);
    QCOMPARE(queue.actions()[0].state, TrackingAction::State::Done);
    QCOMPARE(queue.actions()[1].state, TrackingAction::State::Failed);
    QVERIFY(queue.actions()[1].error.message.contains(QStringLiteral("Validation Failed")));
    QCOMPARE(queue.actions()[2].state, TrackingAction::State::Pending);
    QCOMPARE(server.count("POST", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues/7/comments")), 0);
    // The JSON keeps the failure for the journal.
    QCOMPARE(queue.toJson().value(QStringLiteral("actions")).toArray()[1].toObject()
                 .value(QStringLiteral("state")).toString(),
             QStringLiteral("failed"));

    // Fixed on GitHub's side: flushing again resumes at the failed action.
    finished.clear();
    QVERIFY(queue.flush());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.first().at(0).value<TrackingQueue::Outcome>(), TrackingQueue::Outcome::AllDone);
    QCOMPARE(server.count("POST", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues")), 1);
}

QTEST_GUILESS_MAIN(TestTrackingQueue)
#include "tst_trackingqueue.moc"
