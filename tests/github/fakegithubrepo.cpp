// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakegithubrepo.h"

#include <QRegularExpression>
#include <QUrl>

namespace Promotion::Test {

using Reply = FakeGitHubServer::Reply;

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

Reply notFound()
{
    return Reply::json(404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not Found")},
                                        {QStringLiteral("documentation_url"),
                                         QStringLiteral("https://docs.github.com/rest")}});
}

/* Set the checkbox of the line starting with \a title; false when there is none. */
bool setBox(QString *body, const QString &title, bool checked)
{
    static const QRegularExpression item(QStringLiteral("^(\\s*[-*+]\\s+\\[)([ xX])(\\]\\s+)(.*)$"));
    QStringList lines = body->split(u'\n');
    for (QString &line : lines) {
        const auto m = item.match(line);
        if (m.hasMatch() && m.captured(4).startsWith(title, Qt::CaseInsensitive)) {
            line = m.captured(1) + (checked ? u'x' : u' ') + m.captured(3) + m.captured(4);
            *body = lines.join(u'\n');
            return true;
        }
    }
    return false;
}

} // namespace

FakeGitHubRepo::FakeGitHubRepo(FakeGitHubServer *server, const QString &repository)
    : m_server(server)
    , m_repository(repository)
{
    server->setHandler([this](const FakeGitHubServer::Request &req) { return handle(req); });
}

void FakeGitHubRepo::addToken(const QString &token, const QString &login)
{
    m_tokens.insert(token, login);
}

FakeGitHubRepo::Issue *FakeGitHubRepo::issue(int number)
{
    for (Issue &i : m_issues) {
        if (i.number == number)
            return &i;
    }
    return nullptr;
}

QString FakeGitHubRepo::issueUrl(int number) const
{
    return m_server->url(QStringLiteral("/%1/issues/%2").arg(m_repository).arg(number)).toString();
}

QString FakeGitHubRepo::commentUrl(int number, qint64 id) const
{
    return issueUrl(number) + QStringLiteral("#issuecomment-") + QString::number(id);
}

qint64 FakeGitHubRepo::comment(int number, const QString &login, const QString &body)
{
    Issue *i = issue(number);
    if (!i)
        return 0;
    const qint64 id = m_nextCommentId++;
    i->comments.append({id, login, QDateTime::currentDateTimeUtc(), body});
    return id;
}

bool FakeGitHubRepo::tick(int number, const QString &login, const QString &title, bool checked)
{
    Issue *i = issue(number);
    if (!i)
        return false;
    QString body = i->body;
    if (!setBox(&body, title, checked))
        return false;
    editBody(*i, login, body);
    return true;
}

void FakeGitHubRepo::editBody(Issue &issue, const QString &login, const QString &body)
{
    if (issue.edits.isEmpty()) // GitHub's history starts with the body as created
        issue.edits.append({issue.author, issue.createdAt, issue.body});
    // Edits a moment apart keep their order when compared by time.
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (at <= issue.edits.last().at)
        at = issue.edits.last().at.addSecs(1);
    issue.edits.append({login, at, body});
    issue.body = body;
}

QString FakeGitHubRepo::loginFor(const FakeGitHubServer::Request &req) const
{
    const QByteArray auth = req.headers.value("authorization");
    const QByteArray token = auth.startsWith("Bearer ") ? auth.mid(7)
                             : auth.startsWith("token ") ? auth.mid(6)
                                                         : QByteArray();
    return m_tokens.value(QString::fromUtf8(token));
}

QJsonObject FakeGitHubRepo::issueJson(const Issue &issue) const
{
    // GitHub's recorded create-issue reply, with this issue's fields.
    QJsonObject o = FakeGitHubServer::fixtureBody(QStringLiteral("create-issue")).toObject();
    const QString api = m_server->url(QStringLiteral("/repos/%1/issues/%2").arg(m_repository).arg(issue.number)).toString();
    o.insert(QStringLiteral("url"), api);
    o.insert(QStringLiteral("number"), issue.number);
    o.insert(QStringLiteral("id"), 9000 + issue.number);
    o.insert(QStringLiteral("node_id"), QStringLiteral("I_kwFake%1").arg(issue.number));
    o.insert(QStringLiteral("html_url"), issueUrl(issue.number));
    o.insert(QStringLiteral("title"), issue.title);
    o.insert(QStringLiteral("body"), issue.body);
    o.insert(QStringLiteral("state"), QStringLiteral("open"));
    o.insert(QStringLiteral("created_at"), iso(issue.createdAt));
    o.insert(QStringLiteral("updated_at"), iso(issue.edits.isEmpty() ? issue.createdAt : issue.edits.last().at));
    o.insert(QStringLiteral("comments"), int(issue.comments.size()));
    QJsonObject user = o.value(QStringLiteral("user")).toObject();
    user.insert(QStringLiteral("login"), issue.author);
    o.insert(QStringLiteral("user"), user);
    QJsonArray labels;
    for (const QString &l : issue.labels)
        labels.append(QJsonObject{{QStringLiteral("name"), l}, {QStringLiteral("color"), QStringLiteral("ededed")}});
    o.insert(QStringLiteral("labels"), labels);
    return o;
}

QJsonObject FakeGitHubRepo::commentJson(int number, const Issue::Comment &c) const
{
    QJsonObject o = FakeGitHubServer::fixtureBody(QStringLiteral("issue-comments")).toArray().first().toObject();
    o.insert(QStringLiteral("id"), double(c.id));
    o.insert(QStringLiteral("node_id"), QStringLiteral("IC_%1").arg(c.id));
    o.insert(QStringLiteral("html_url"), commentUrl(number, c.id));
    o.insert(QStringLiteral("created_at"), iso(c.at));
    o.insert(QStringLiteral("updated_at"), iso(c.at));
    o.insert(QStringLiteral("body"), c.body);
    QJsonObject user = o.value(QStringLiteral("user")).toObject();
    user.insert(QStringLiteral("login"), c.author);
    o.insert(QStringLiteral("user"), user);
    return o;
}

std::optional<Reply> FakeGitHubRepo::handle(const FakeGitHubServer::Request &req)
{
    if (m_down)
        return Reply::json(503, QJsonObject{{QStringLiteral("message"), QStringLiteral("Service Unavailable")}});
    const QString login = loginFor(req);
    if (login.isEmpty())
        return Reply::json(401, QJsonObject{{QStringLiteral("message"), QStringLiteral("Bad credentials")},
                                            {QStringLiteral("documentation_url"),
                                             QStringLiteral("https://docs.github.com/rest")}});
    if (req.method == "POST" && req.path == u"/graphql")
        return graphql(req, login);
    if (req.method == "GET" && req.path == u"/user") {
        QJsonObject user = FakeGitHubServer::fixtureBody(QStringLiteral("user")).toObject();
        user.insert(QStringLiteral("login"), login);
        return Reply::json(200, user).header("X-OAuth-Scopes", "repo, project");
    }
    const QString repo = QStringLiteral("/repos/") + m_repository;
    if (req.method == "GET" && req.path == repo)
        return Reply::json(200, QJsonObject{{QStringLiteral("full_name"), m_repository},
                                            {QStringLiteral("private"), true},
                                            {QStringLiteral("has_issues"), true},
                                            {QStringLiteral("permissions"), m_permissions}});
    if (!req.path.startsWith(repo + u'/'))
        return notFound();
    const QString rest = req.path.mid(repo.size());

    // Repository labels.
    if (rest.startsWith(QStringLiteral("/labels"))) {
        if (req.method == "GET" && rest.startsWith(QStringLiteral("/labels/"))) {
            const QString name = rest.mid(8);
            if (!m_labels.contains(name))
                return notFound();
            QJsonObject l = FakeGitHubServer::fixtureBody(QStringLiteral("label")).toObject();
            l.insert(QStringLiteral("name"), name);
            return Reply::json(200, l);
        }
        if (req.method == "POST" && rest == u"/labels") {
            const QString name = req.json().value(QStringLiteral("name")).toString();
            m_labels.insert(name);
            QJsonObject l = FakeGitHubServer::fixtureBody(QStringLiteral("label-created")).toObject();
            l.insert(QStringLiteral("name"), name);
            l.insert(QStringLiteral("color"), req.json().value(QStringLiteral("color")));
            return Reply::json(201, l);
        }
        return notFound();
    }

    if (rest == u"/issues") {
        if (req.method == "GET") {
            QJsonArray all;
            for (auto it = m_issues.crbegin(); it != m_issues.crend(); ++it)
                all.append(issueJson(*it));
            return Reply::json(200, all);
        }
        if (req.method == "POST") {
            Issue i;
            i.number = int(m_issues.size()) + 1;
            i.title = req.json().value(QStringLiteral("title")).toString();
            i.body = req.json().value(QStringLiteral("body")).toString();
            i.author = login;
            i.createdAt = QDateTime::currentDateTimeUtc();
            for (const QJsonValue &v : req.json().value(QStringLiteral("labels")).toArray()) {
                i.labels.append(v.toString());
                m_labels.insert(v.toString());
            }
            m_issues.append(i);
            return Reply::json(201, issueJson(i));
        }
    }
    static const QRegularExpression issuePath(QStringLiteral("^/issues/(\\d+)(/.*)?$"));
    const auto m = issuePath.match(rest);
    if (!m.hasMatch())
        return notFound();
    Issue *i = issue(m.captured(1).toInt());
    if (!i)
        return notFound();
    const QString sub = m.captured(2);
    if (sub.isEmpty()) {
        if (req.method == "GET")
            return Reply::json(200, issueJson(*i));
        if (req.method == "PATCH") {
            const QJsonObject patch = req.json();
            if (patch.contains(QStringLiteral("body")))
                editBody(*i, login, patch.value(QStringLiteral("body")).toString());
            return Reply::json(200, issueJson(*i));
        }
    }
    if (sub == u"/comments") {
        if (req.method == "GET") {
            QJsonArray all;
            for (const Issue::Comment &c : std::as_const(i->comments))
                all.append(commentJson(i->number, c));
            return Reply::json(200, all);
        }
        if (req.method == "POST") {
            const qint64 id = comment(i->number, login, req.json().value(QStringLiteral("body")).toString());
            return Reply::json(201, commentJson(i->number, i->comments.last())).header("X-Comment-Id", QByteArray::number(id));
        }
    }
    if (sub == u"/events" && req.method == "GET")
        return Reply::json(200, QJsonArray());
    if (sub == u"/labels" && req.method == "POST") {
        QJsonArray out;
        for (const QJsonValue &v : req.json().value(QStringLiteral("labels")).toArray()) {
            if (!i->labels.contains(v.toString()))
                i->labels.append(v.toString());
            m_labels.insert(v.toString());
        }
        for (const QString &l : std::as_const(i->labels))
            out.append(QJsonObject{{QStringLiteral("name"), l}, {QStringLiteral("color"), QStringLiteral("ededed")}});
        return Reply::json(200, out);
    }
    if (sub.startsWith(QStringLiteral("/labels/")) && req.method == "DELETE") {
        const QString name = QUrl::fromPercentEncoding(sub.mid(8).toUtf8());
        if (!i->labels.removeOne(name))
            return notFound();
        return Reply::json(200, QJsonArray());
    }
    return notFound();
}

std::optional<Reply> FakeGitHubRepo::graphql(const FakeGitHubServer::Request &req, const QString &login)
{
    const QString query = req.json().value(QStringLiteral("query")).toString();
    const QJsonObject vars = req.json().value(QStringLiteral("variables")).toObject();
    auto data = [](const QJsonObject &d) { return Reply::json(200, QJsonObject{{QStringLiteral("data"), d}}); };
    if (query.contains(QStringLiteral("userContentEdits"))) {
        Issue *i = issue(vars.value(QStringLiteral("number")).toInt());
        if (!i)
            return Reply::json(200, QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("repository"), QJsonValue()}}},
                                                {QStringLiteral("errors"), QJsonArray{QJsonObject{
                                                     {QStringLiteral("type"), QStringLiteral("NOT_FOUND")},
                                                     {QStringLiteral("message"), QStringLiteral("Could not resolve to an Issue")}}}}});
        QJsonArray nodes; // newest first, as GitHub answers
        for (auto it = i->edits.crbegin(); it != i->edits.crend(); ++it)
            nodes.append(QJsonObject{{QStringLiteral("editor"), QJsonObject{{QStringLiteral("login"), it->editor}}},
                                     {QStringLiteral("editedAt"), iso(it->at)},
                                     {QStringLiteral("deletedAt"), QJsonValue()},
                                     {QStringLiteral("diff"), it->body}});
        return data({{QStringLiteral("repository"),
                      QJsonObject{{QStringLiteral("issue"),
                                   QJsonObject{{QStringLiteral("userContentEdits"),
                                                QJsonObject{{QStringLiteral("nodes"), nodes}}}}}}}});
    }
    if (query.contains(QStringLiteral("projectsV2"))) {
        if (m_boardMissing)
            return data({{query.contains(QStringLiteral("organization")) ? QStringLiteral("organization") : QStringLiteral("user"),
                          QJsonObject{{QStringLiteral("projectsV2"), QJsonObject{{QStringLiteral("nodes"), QJsonArray()}}}}}});
        return FakeGitHubServer::fixture(QStringLiteral("graphql-org-projects"));
    }
    if (query.contains(QStringLiteral("ProjectV2SingleSelectField")))
        return FakeGitHubServer::fixture(QStringLiteral("graphql-status-field"));
    if (query.contains(QStringLiteral("addProjectV2ItemById")))
        return FakeGitHubServer::fixture(QStringLiteral("graphql-add-item"));
    if (query.contains(QStringLiteral("updateProjectV2ItemFieldValue"))) {
        // Remember the column on the issue whose node was added last.
        if (!m_issues.isEmpty())
        {
            const QJsonArray options = FakeGitHubServer::fixtureBody(QStringLiteral("graphql-status-field"))
                                           .toObject().value(QStringLiteral("data")).toObject()
                                           .value(QStringLiteral("node")).toObject()
                                           .value(QStringLiteral("field")).toObject()
                                           .value(QStringLiteral("options")).toArray();
            for (const QJsonValue &o : options) {
                if (o.toObject().value(QStringLiteral("id")) == vars.value(QStringLiteral("option")))
                    m_issues.last().boardColumn = o.toObject().value(QStringLiteral("name")).toString();
            }
        }
        return FakeGitHubServer::fixture(QStringLiteral("graphql-update-field"));
    }
    Q_UNUSED(login)
    return Reply::json(200, QJsonObject{{QStringLiteral("errors"),
                                         QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                                 QStringLiteral("unknown query")}}}}});
}

} // namespace Promotion::Test
