// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegithubserver.h"

#include "github/githubclient.h"
#include "github/githubtoken.h"
#include "secrets/redactor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using Promotion::Test::FakeGitHubServer;
using Reply = FakeGitHubServer::Reply;
Q_DECLARE_METATYPE(Promotion::Test::FakeGitHubServer::Reply)

namespace {

const QString Repo = QStringLiteral("octokit-fixture-org/add-labels-to-issue");
// Looks like a real token, so pattern redaction and registered-secret redaction both apply.
const QString Token = QStringLiteral("ghp_TESTTOKENabcdefghijklmnopqrstuvwxyz0123");

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}

template<typename T>
struct Waiter
{
    std::optional<GitHubResult<T>> result;
    GitHubClient::Callback<T> callback()
    {
        return [this](const GitHubResult<T> &r) { result = r; };
    }
};

} // namespace

class TestGitHubClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void requestHeaders();
    void createIssueWithLabels();
    void ensureLabelCreatesMissing();
    void removeMissingLabelIsDone();
    void findIssueByMarkerFollowsLinks();
    void boardMoveForOrganization();
    void boardMoveForUserAndMissingOption();
    void errors_data();
    void errors();
    void serverErrorRetriedThenSuccess();
    void graphqlErrorsInHttp200();
    void primaryRateLimitWaitsForReset();
    void secondaryRateLimitRetryAfter();
    void rateLimitBeyondBoundIsRetryable();
    void teamMembership();
    void tokenNeverInMessagesOrLogs();
    void graphqlUrl_data();
    void graphqlUrl();
    void tokenFromEnvironmentAndGh();

private:
    std::unique_ptr<GitHubClient> makeClient(const QString &repo = Repo);
    FakeGitHubServer *m_server = nullptr;
};

void TestGitHubClient::init()
{
    m_server = new FakeGitHubServer(this);
    QVERIFY(m_server->listen());
}

void TestGitHubClient::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

std::unique_ptr<GitHubClient> TestGitHubClient::makeClient(const QString &repo)
{
    GitHubConfig config;
    config.apiUrl = m_server->url();
    config.repository = repo;
    config.token = Token;
    config.backoffMs = 20;
    config.maxRateLimitWaitSeconds = 5;
    return std::make_unique<GitHubClient>(config);
}

void TestGitHubClient::requestHeaders()
{
    m_server->on("GET", QStringLiteral("/user"), FakeGitHubServer::fixture(QStringLiteral("user")));
    auto client = makeClient();
    Waiter<QString> w;
    client->currentUser(this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QCOMPARE(w.result->value, QStringLiteral("promotion-bot"));
    QCOMPARE(m_server->requests().size(), 1);
    const auto &h = m_server->requests().first().headers;
    QCOMPARE(h.value("accept"), QByteArray("application/vnd.github+json"));
    QCOMPARE(h.value("x-github-api-version"), QByteArray("2022-11-28"));
    QVERIFY(h.value("user-agent").startsWith("promotion-console/"));
    QCOMPARE(h.value("authorization"), "Bearer " + Token.toUtf8());
}

void TestGitHubClient::createIssueWithLabels()
{
    m_server->on("POST", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues"),
                 FakeGitHubServer::fixture(QStringLiteral("create-issue")));
    m_server->on("POST", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues/1/labels"),
                 FakeGitHubServer::fixture(QStringLiteral("add-labels")));
    auto client = makeClient();
    Waiter<GitHubIssue> created;
    client->createIssue(QStringLiteral("Issue without a label"), QStringLiteral("body <!-- m -->"),
                        {QStringLiteral("component:x")}, this, created.callback());
    QTRY_VERIFY(created.result.has_value());
    QVERIFY2(created.result->ok(), qPrintable(created.result->error.message));
    QCOMPARE(created.result->value.number, 1);
    QVERIFY(!created.result->value.nodeId.isEmpty());
    const QJsonObject sent = m_server->requests().first().json();
    QCOMPARE(sent.value(QStringLiteral("title")).toString(), QStringLiteral("Issue without a label"));
    QCOMPARE(sent.value(QStringLiteral("labels")).toArray().first().toString(), QStringLiteral("component:x"));

    Waiter<QStringList> labels;
    client->addLabels(1, {QStringLiteral("Foo"), QStringLiteral("bAr"), QStringLiteral("baZ")}, this,
                      labels.callback());
    QTRY_VERIFY(labels.result.has_value());
    QVERIFY2(labels.result->ok(), qPrintable(labels.result->error.message));
    // GitHub.com creates labels that do not exist yet (the recording shows them grey).
    QCOMPARE(labels.result->value,
             (QStringList{QStringLiteral("Foo"), QStringLiteral("bAr"), QStringLiteral("baZ")}));
}

void TestGitHubClient::ensureLabelCreatesMissing()
{
    const QString repo = QStringLiteral("octokit-fixture-org/labels");
    m_server->on("GET", QStringLiteral("/repos/") + repo + QStringLiteral("/labels/test-label"),
                 Reply::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not Found")}}));
    m_server->on("POST", QStringLiteral("/repos/") + repo + QStringLiteral("/labels"),
                 FakeGitHubServer::fixture(QStringLiteral("label-created")));
    auto client = makeClient(repo);
    Waiter<bool> w;
    client->ensureLabel(QStringLiteral("test-label"), QStringLiteral("663399"), QString(), this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QVERIFY(w.result->value);
    QCOMPARE(m_server->count("POST", QStringLiteral("/repos/") + repo + QStringLiteral("/labels")), 1);
    const QJsonObject sent = m_server->requests().last().json();
    QCOMPARE(sent.value(QStringLiteral("color")).toString(), QStringLiteral("663399"));

    // Existing label: no POST.
    m_server->clearRequests();
    m_server->on("GET", QStringLiteral("/repos/") + repo + QStringLiteral("/labels/bug"),
                 FakeGitHubServer::fixture(QStringLiteral("label")));
    Waiter<bool> again;
    client->ensureLabel(QStringLiteral("bug"), QStringLiteral("d73a4a"), QString(), this, again.callback());
    QTRY_VERIFY(again.result.has_value());
    QVERIFY(again.result->ok());
    QVERIFY(!again.result->value);
    QCOMPARE(m_server->count("POST", QStringLiteral("/repos/") + repo + QStringLiteral("/labels")), 0);
}

void TestGitHubClient::removeMissingLabelIsDone()
{
    m_server->on("DELETE", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues/1/labels/target:staging"),
                 Reply::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Label does not exist")}}));
    auto client = makeClient();
    Waiter<bool> w;
    client->removeLabel(1, QStringLiteral("target:staging"), this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY(w.result->ok());
    QVERIFY(!w.result->value);
}

void TestGitHubClient::findIssueByMarkerFollowsLinks()
{
    const QString repo = QStringLiteral("octokit-fixture-org/paginate-issues");
    const QString marker = QStringLiteral("<!-- promotion-console run: R1 -->");
    auto page = [marker](int n) {
        Reply r = FakeGitHubServer::fixture(QStringLiteral("paginate-issues-page") + QString::number(n));
        QJsonArray items = QJsonDocument::fromJson(r.body).array();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject o = items[i].toObject();
            const int number = o.value(QStringLiteral("number")).toInt();
            if (number == 5) // a pull request carrying the marker: not an issue
                o.insert(QStringLiteral("pull_request"), QJsonObject{{QStringLiteral("url"), QString()}});
            if (number == 5 || number == 4)
                o.insert(QStringLiteral("body"), QString(QStringLiteral("text\n") + marker));
            items[i] = o;
        }
        r.body = QJsonDocument(items).toJson(QJsonDocument::Compact);
        return r;
    };
    m_server->on("GET", QStringLiteral("/repos/") + repo + QStringLiteral("/issues"), page(1));
    m_server->setHandler([page](const FakeGitHubServer::Request &req) -> std::optional<Reply> {
        if (req.path == u"/repositories/1000/issues")
            return page(req.queryItem(QStringLiteral("page")).toInt());
        return std::nullopt;
    });
    auto client = makeClient(repo);
    Waiter<std::optional<GitHubIssue>> w;
    client->findIssueByMarker(marker, this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QVERIFY(w.result->value.has_value());
    QCOMPARE(w.result->value->number, 4);
    QCOMPARE(m_server->requests().size(), 5);
    QCOMPARE(m_server->requests().first().queryItem(QStringLiteral("state")), QStringLiteral("all"));
    QCOMPARE(m_server->requests().first().queryItem(QStringLiteral("per_page")), QStringLiteral("100"));
}

namespace {
FakeGitHubServer::Handler graphqlHandler(bool userOwned, QList<QJsonObject> *variables)
{
    return [=](const FakeGitHubServer::Request &req) -> std::optional<Reply> {
        if (req.method != "POST" || req.path != u"/graphql")
            return std::nullopt;
        const QString query = req.json().value(QStringLiteral("query")).toString();
        variables->append(req.json().value(QStringLiteral("variables")).toObject());
        if (query.contains(QStringLiteral("organization(")))
            return FakeGitHubServer::fixture(userOwned ? QStringLiteral("graphql-org-not-found")
                                                       : QStringLiteral("graphql-org-projects"));
        if (query.contains(QStringLiteral("user(")))
            return FakeGitHubServer::fixture(QStringLiteral("graphql-user-projects"));
        if (query.contains(QStringLiteral("field(name")))
            return FakeGitHubServer::fixture(QStringLiteral("graphql-status-field"));
        if (query.contains(QStringLiteral("addProjectV2ItemById")))
            return FakeGitHubServer::fixture(QStringLiteral("graphql-add-item"));
        if (query.contains(QStringLiteral("updateProjectV2ItemFieldValue")))
            return FakeGitHubServer::fixture(QStringLiteral("graphql-update-field"));
        return std::nullopt;
    };
}
} // namespace

void TestGitHubClient::boardMoveForOrganization()
{
    QList<QJsonObject> variables;
    m_server->setHandler(graphqlHandler(false, &variables));
    auto client = makeClient();
    Waiter<QString> w;
    client->moveIssueOnBoard(QStringLiteral("octo-org"), QStringLiteral("TTA Component Maturity"),
                             QStringLiteral("Status"), QStringLiteral("Staging"), QStringLiteral("I_kwDOIssue1"),
                             this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QCOMPARE(w.result->value, QStringLiteral("PVTI_lADOItem42"));
    QCOMPARE(variables.size(), 4);
    QCOMPARE(variables[0].value(QStringLiteral("title")).toString(), QStringLiteral("TTA Component Maturity"));
    // The exact title, not the archive board the fuzzy search also found.
    QCOMPARE(variables[1].value(QStringLiteral("project")).toString(), QStringLiteral("PVT_kwDOBoard3"));
    QCOMPARE(variables[2].value(QStringLiteral("content")).toString(), QStringLiteral("I_kwDOIssue1"));
    QCOMPARE(variables[3].value(QStringLiteral("option")).toString(), QStringLiteral("47fc9ee4"));
    QCOMPARE(variables[3].value(QStringLiteral("field")).toString(), QStringLiteral("PVTSSF_lADOStatus"));
    QCOMPARE(variables[3].value(QStringLiteral("item")).toString(), QStringLiteral("PVTI_lADOItem42"));
}

void TestGitHubClient::boardMoveForUserAndMissingOption()
{
    QList<QJsonObject> variables;
    m_server->setHandler(graphqlHandler(true, &variables));
    auto client = makeClient();
    Waiter<GitHubProject> p;
    client->findProject(QStringLiteral("octocat"), QStringLiteral("tta component maturity"), this, p.callback());
    QTRY_VERIFY(p.result.has_value());
    QVERIFY2(p.result->ok(), qPrintable(p.result->error.message));
    QCOMPARE(p.result->value.id, QStringLiteral("PVT_kwHOUser1"));

    Waiter<QString> w;
    client->moveIssueOnBoard(QStringLiteral("octocat"), QStringLiteral("TTA Component Maturity"),
                             QStringLiteral("Status"), QStringLiteral("canary"), QStringLiteral("I_1"), this,
                             w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY(!w.result->ok());
    QVERIFY2(w.result->error.message.contains(QStringLiteral("no option 'canary'")),
             qPrintable(w.result->error.message));
    QVERIFY(w.result->error.message.contains(QStringLiteral("development, staging, production")));
    QVERIFY(!w.result->error.retryable());
}

void TestGitHubClient::errors_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("requests");

    QTest::newRow("401") << Reply::json(401, QJsonObject{{QStringLiteral("message"), QStringLiteral("Bad credentials")}})
                         << int(GitHubError::Kind::Auth) << QStringLiteral("the token is wrong or expired") << 1;
    QTest::newRow("403 missing scope")
        << Reply::json(403, QJsonObject{{QStringLiteral("message"), QStringLiteral("Resource not accessible")}},
                       {{"X-OAuth-Scopes", "read:org, gist"}, {"X-Accepted-OAuth-Scopes", "repo"}})
        << int(GitHubError::Kind::Forbidden) << QStringLiteral("lacks the scope 'repo'") << 1;
    QTest::newRow("403 no access")
        << Reply::json(403, QJsonObject{{QStringLiteral("message"), QStringLiteral("Must have admin rights")}},
                       {{"X-OAuth-Scopes", "repo"}, {"X-Accepted-OAuth-Scopes", "repo"}})
        << int(GitHubError::Kind::Forbidden)
        << QStringLiteral("the token cannot see repository octokit-fixture-org/add-labels-to-issue") << 1;
    QTest::newRow("404") << Reply::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not Found")}})
                         << int(GitHubError::Kind::NotFound)
                         << QStringLiteral("repository octokit-fixture-org/add-labels-to-issue not found, or the "
                                           "token cannot see it")
                         << 1;
    QTest::newRow("422 recorded") << FakeGitHubServer::fixture(QStringLiteral("validation-failed"))
                                  << int(GitHubError::Kind::Validation)
                                  << QStringLiteral("Validation Failed; Label field 'color' code 'invalid'") << 1;
    QTest::newRow("500 three times") << Reply::json(500, QJsonObject{})
                                     << int(GitHubError::Kind::Server) << QStringLiteral("tried 3 times") << 3;
}

void TestGitHubClient::errors()
{
    QFETCH(Reply, reply);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    QFETCH(int, requests);
    m_server->on("POST", QStringLiteral("/repos/") + Repo + QStringLiteral("/issues"), reply);
    auto client = makeClient();
    Waiter<GitHubIssue> w;
    client->createIssue(QStringLiteral("t"), QStringLiteral("b"), {}, this, w.callback());
    QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), 10000);
    QVERIFY(!w.result->ok());
    QCOMPARE(int(w.result->error.kind), kind);
    QVERIFY2(w.result->error.message.contains(expected), qPrintable(w.result->error.message));
    QCOMPARE(m_server->requests().size(), requests);
}

void TestGitHubClient::serverErrorRetriedThenSuccess()
{
    const QString path = QStringLiteral("/repos/") + Repo + QStringLiteral("/issues");
    m_server->on("POST", path, Reply::json(502, QJsonObject{}));
    m_server->on("POST", path, Reply::json(503, QJsonObject{}));
    m_server->on("POST", path, FakeGitHubServer::fixture(QStringLiteral("create-issue")));
    auto client = makeClient();
    QSignalSpy retrying(client.get(), &GitHubClient::retrying);
    Waiter<GitHubIssue> w;
    client->createIssue(QStringLiteral("t"), QStringLiteral("b"), {}, this, w.callback());
    QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), 10000);
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QCOMPARE(m_server->count("POST", path), 3);
    QCOMPARE(retrying.size(), 2);
}

void TestGitHubClient::graphqlErrorsInHttp200()
{
    m_server->on("POST", QStringLiteral("/graphql"),
                 FakeGitHubServer::fixture(QStringLiteral("graphql-insufficient-scopes")));
    auto client = makeClient();
    Waiter<GitHubProject> w;
    client->findProject(QStringLiteral("octo-org"), QStringLiteral("TTA"), this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QVERIFY(!w.result->ok());
    QCOMPARE(w.result->error.kind, GitHubError::Kind::GraphQL);
    QVERIFY2(w.result->error.message.contains(QStringLiteral("read:project")), qPrintable(w.result->error.message));
}

void TestGitHubClient::primaryRateLimitWaitsForReset()
{
    const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 1);
    m_server->on("GET", QStringLiteral("/user"),
                 Reply::json(403, QJsonObject{{QStringLiteral("message"), QStringLiteral("API rate limit exceeded")}},
                             {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", reset}}));
    m_server->on("GET", QStringLiteral("/user"), FakeGitHubServer::fixture(QStringLiteral("user")));
    auto client = makeClient();
    QSignalSpy countdown(client.get(), &GitHubClient::rateLimitCountdown);
    Waiter<QString> w;
    client->currentUser(this, w.callback());
    QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), 10000);
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QVERIFY(countdown.size() >= 2);
    QVERIFY(countdown.first().at(0).toInt() >= 1);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QCOMPARE(m_server->count("GET", QStringLiteral("/user")), 2);
}

void TestGitHubClient::secondaryRateLimitRetryAfter()
{
    m_server->on("GET", QStringLiteral("/user"),
                 Reply::json(429, QJsonObject{{QStringLiteral("message"), QStringLiteral("secondary rate limit")}},
                             {{"Retry-After", "1"}}));
    m_server->on("GET", QStringLiteral("/user"), FakeGitHubServer::fixture(QStringLiteral("user")));
    auto client = makeClient();
    QSignalSpy countdown(client.get(), &GitHubClient::rateLimitCountdown);
    Waiter<QString> w;
    client->currentUser(this, w.callback());
    QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), 10000);
    QVERIFY2(w.result->ok(), qPrintable(w.result->error.message));
    QCOMPARE(countdown.first().at(0).toInt(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
}

void TestGitHubClient::rateLimitBeyondBoundIsRetryable()
{
    m_server->on("GET", QStringLiteral("/user"),
                 Reply::json(403, QJsonObject{}, {{"Retry-After", "600"}}));
    auto client = makeClient();
    Waiter<QString> w;
    client->currentUser(this, w.callback());
    QTRY_VERIFY(w.result.has_value());
    QCOMPARE(w.result->error.kind, GitHubError::Kind::RateLimited);
    QVERIFY(w.result->error.retryable());
    QVERIFY2(w.result->error.message.contains(QStringLiteral("600 s")), qPrintable(w.result->error.message));
}

void TestGitHubClient::teamMembership()
{
    m_server->on("GET", QStringLiteral("/orgs/octo-org/teams/security/memberships/sec-sam"),
                 Reply::json(200, QJsonObject{{QStringLiteral("state"), QStringLiteral("active")},
                                              {QStringLiteral("role"), QStringLiteral("member")}}));
    auto client = makeClient();
    Waiter<bool> yes;
    client->teamMembership(QStringLiteral("octo-org"), QStringLiteral("security"), QStringLiteral("sec-sam"), this,
                           yes.callback());
    QTRY_VERIFY(yes.result.has_value());
    QVERIFY(yes.result->ok());
    QVERIFY(yes.result->value);
    Waiter<bool> no;
    client->teamMembership(QStringLiteral("octo-org"), QStringLiteral("security"), QStringLiteral("mallory"), this,
                           no.callback());
    QTRY_VERIFY(no.result.has_value());
    QVERIFY(no.result->ok());
    QVERIFY(!no.result->value);
}

void TestGitHubClient::tokenNeverInMessagesOrLogs()
{
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);
    // A server that echoes what it was sent: the token must still not come back in a message.
    m_server->setHandler([](const FakeGitHubServer::Request &req) -> std::optional<Reply> {
        const QString auth = QString::fromUtf8(req.headers.value("authorization"));
        const int status = req.path == u"/user" ? 401 : 422;
        return Reply::json(status,
                           QJsonObject{{QStringLiteral("message"), QString(QStringLiteral("Bad credentials: ") + auth)},
                                       {QStringLiteral("errors"),
                                        QJsonArray{QJsonObject{{QStringLiteral("message"), auth.mid(7)}}}}});
    });
    auto client = makeClient();
    QStringList messages;
    Waiter<QString> user;
    client->currentUser(this, user.callback());
    Waiter<GitHubIssue> issue;
    client->createIssue(QStringLiteral("t"), QStringLiteral("b"), {}, this, issue.callback());
    QTRY_VERIFY(user.result.has_value() && issue.result.has_value());
    messages << user.result->error.message << issue.result->error.message;
    // And with nothing listening at all.
    const quint16 port = m_server->port();
    m_server->close();
    GitHubConfig config = client->config();
    config.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(port));
    config.maxAttempts = 1;
    GitHubClient offline(config);
    Waiter<QString> down;
    offline.currentUser(this, down.callback());
    QTRY_VERIFY(down.result.has_value());
    messages << down.result->error.message;
    qInstallMessageHandler(previous);

    QCOMPARE(messages.size(), 3);
    for (const QString &m : std::as_const(messages)) {
        QVERIFY(!m.isEmpty());
        QVERIFY2(!m.contains(Token), qPrintable(m));
        QVERIFY2(!m.contains(Token.mid(4, 20)), qPrintable(m));
    }
    QVERIFY(messages[0].contains(QStringLiteral("wrong or expired")));
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(Token), qPrintable(line));
}

void TestGitHubClient::graphqlUrl_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("graphql");
    QTest::newRow("github.com") << "https://api.github.com" << "https://api.github.com/graphql";
    QTest::newRow("github.com slash") << "https://api.github.com/" << "https://api.github.com/graphql";
    QTest::newRow("GHE") << "https://ghe.example.com/api/v3" << "https://ghe.example.com/api/graphql";
    QTest::newRow("GHE slash") << "https://ghe.example.com/api/v3/" << "https://ghe.example.com/api/graphql";
}

void TestGitHubClient::graphqlUrl()
{
    QFETCH(QString, api);
    QFETCH(QString, graphql);
    QCOMPARE(GitHubConfig::graphqlUrlFor(QUrl(api)).toString(), graphql);
}

void TestGitHubClient::tokenFromEnvironmentAndGh()
{
    Redactor::clearRegisteredSecrets();
    QProcessEnvironment env;
    GitHubToken::Source source = GitHubToken::Source::None;
    QVERIFY(GitHubToken::fromEnvironment(env, &source).isEmpty());
    QCOMPARE(source, GitHubToken::Source::None);
    env.insert(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("second-choice-token-123"));
    QCOMPARE(GitHubToken::fromEnvironment(env, &source), QStringLiteral("second-choice-token-123"));
    QCOMPARE(source, GitHubToken::Source::GithubTokenVariable);
    env.insert(QStringLiteral("GH_TOKEN"), QStringLiteral("first-choice-token-456"));
    QCOMPARE(GitHubToken::fromEnvironment(env, &source), QStringLiteral("first-choice-token-456"));
    QCOMPARE(source, GitHubToken::Source::GhTokenVariable);
    QCOMPARE(Redactor().redact(QStringLiteral("x first-choice-token-456 y")),
             QStringLiteral("x [REDACTED] y"));

    // `gh auth token` through a stand-in gh on PATH.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile gh(dir.filePath(QStringLiteral("gh")));
    QVERIFY(gh.open(QIODevice::WriteOnly));
    QVERIFY(gh.write("#!/bin/sh\n[ \"$1 $2\" = \"auth token\" ] && echo gho_fromghcli0123456789 && exit 0\nexit 1\n") > 0);
    gh.close();
    QVERIFY(gh.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcessEnvironment ghEnv;
    ghEnv.insert(QStringLiteral("PATH"), dir.path() + QStringLiteral(":/usr/bin:/bin"));
    QVERIFY(!GitHubToken::ghProgram(ghEnv).isEmpty());
    GitHubToken token;
    QSignalSpy finished(&token, &GitHubToken::finished);
    QVERIFY(token.requestFromGh(ghEnv));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("gho_fromghcli0123456789"));
    QCOMPARE(finished.first().at(1).value<GitHubToken::Source>(), GitHubToken::Source::GhCli);
    QVERIFY(!Redactor().redact(QStringLiteral("gho_fromghcli0123456789")).contains(QStringLiteral("fromghcli")));
}

QTEST_GUILESS_MAIN(TestGitHubClient)
#include "tst_githubclient.moc"
