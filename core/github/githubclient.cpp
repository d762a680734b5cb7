// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubclient.h"

#include "secrets/redactor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#ifndef PROMOTION_CONSOLE_VERSION
#define PROMOTION_CONSOLE_VERSION "0"
#endif

namespace Promotion {

namespace {

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QStringList scopeList(const QByteArray &header)
{
    QStringList out;
    const QStringList parts = text(header).split(u',', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QString s = p.trimmed();
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

/* GitHub's "message" plus each errors[] entry: message, or resource/field/code. */
QString githubMessages(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QStringList parts;
    const QString message = o.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        parts << message;
    const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &v : errors) {
        if (v.isString()) {
            parts << v.toString();
            continue;
        }
        const QJsonObject e = v.toObject();
        const QString msg = e.value(QStringLiteral("message")).toString();
        QStringList detail;
        const QString field = e.value(QStringLiteral("field")).toString();
        const QString code = e.value(QStringLiteral("code")).toString();
        const QString resource = e.value(QStringLiteral("resource")).toString();
        if (!resource.isEmpty())
            detail << resource;
        if (!field.isEmpty())
            detail << QStringLiteral("field '") + field + u'\'';
        if (!code.isEmpty())
            detail << QStringLiteral("code '") + code + u'\'';
        if (!msg.isEmpty())
            parts << (detail.isEmpty() ? msg : msg + QStringLiteral(" (") + detail.join(u' ') + u')');
        else if (!detail.isEmpty())
            parts << detail.join(u' ');
    }
    return parts.join(QStringLiteral("; "));
}

QUrl nextLink(const QByteArray &link)
{
    static const QRegularExpression re(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"([^\"]+)\""));
    auto it = re.globalMatch(text(link));
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.captured(2).split(u' ').contains(QStringLiteral("next")))
            return QUrl(m.captured(1));
    }
    return {};
}

template<typename T>
GitHubResult<T> failure(const GitHubError &e)
{
    GitHubResult<T> r;
    r.error = e;
    return r;
}

template<typename T>
GitHubResult<T> success(T value)
{
    GitHubResult<T> r;
    r.value = std::move(value);
    return r;
}

GitHubError protocolError(const QString &what)
{
    return GitHubError{GitHubError::Kind::Protocol, 0,
                       QStringLiteral("GitHub's answer is not what was expected: ") + what};
}

} // namespace

QUrl GitHubConfig::graphqlUrlFor(const QUrl &apiUrl)
{
    QUrl u = apiUrl;
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(QStringLiteral("/v3")))
        path = path.left(path.size() - 3) + QStringLiteral("/graphql"); // GHE: /api/v3 → /api/graphql
    else
        path += QStringLiteral("/graphql");
    u.setPath(path);
    return u;
}

GitHubClient::GitHubClient(const GitHubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_nam(new QNetworkAccessManager(this))
{
    if (m_config.graphqlUrl.isEmpty())
        m_config.graphqlUrl = GitHubConfig::graphqlUrlFor(m_config.apiUrl);
    Redactor::registerSecret(m_config.token);
}

GitHubClient::~GitHubClient()
{
    for (const auto &call : std::as_const(m_calls)) {
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
    }
}

void GitHubClient::setToken(const QString &token)
{
    m_config.token = token;
    Redactor::registerSecret(token);
}

QString GitHubClient::redact(const QString &message) const
{
    Redactor r;
    r.addSecret(m_config.token);
    return r.redact(message);
}

QUrl GitHubClient::restUrl(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl u = m_config.apiUrl;
    QString base = u.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[k, v] : query)
            q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
        u.setQuery(q);
    }
    return u;
}

QString GitHubClient::repoWhat() const
{
    return QStringLiteral("repository ") + m_config.repository;
}

GitHubError GitHubClient::errorFor(int status, const QByteArray &body,
                                   const QHash<QByteArray, QByteArray> &headers,
                                   const QString &what)
{
    const QString gh = githubMessages(body);
    const QString said = gh.isEmpty() ? QString() : QStringLiteral(" (GitHub: ") + gh + u')';
    if (status == 401)
        return {GitHubError::Kind::Auth, status,
                QStringLiteral("GitHub refused the token (HTTP 401): the token is wrong or expired; "
                               "set a valid one in GH_TOKEN or run 'gh auth login'") +
                    said};
    if (status == 403) {
        const QStringList accepted = scopeList(headers.value("x-accepted-oauth-scopes"));
        const QStringList have = scopeList(headers.value("x-oauth-scopes"));
        bool hasOne = accepted.isEmpty();
        for (const QString &s : accepted)
            hasOne = hasOne || have.contains(s);
        if (!hasOne && headers.contains("x-oauth-scopes"))
            return {GitHubError::Kind::Forbidden, status,
                    QStringLiteral("the token lacks the scope '") +
                        accepted.join(QStringLiteral("' or '")) +
                        QStringLiteral("' needed here (it has: ") +
                        (have.isEmpty() ? QStringLiteral("no scopes") : have.join(QStringLiteral(", "))) +
                        QStringLiteral("); add it to the token (gh auth refresh -s ") +
                        accepted.value(0) + QStringLiteral(")") + said};
        return {GitHubError::Kind::Forbidden, status,
                QStringLiteral("the token cannot see ") + what +
                    QStringLiteral(" (HTTP 403); give it access to it") + said};
    }
    if (status == 404)
        return {GitHubError::Kind::NotFound, status,
                what + QStringLiteral(" not found, or the token cannot see it (HTTP 404)")};
    if (status == 422)
        return {GitHubError::Kind::Validation, status,
                QStringLiteral("GitHub refused the request for ") + what + QStringLiteral(": ") +
                    (gh.isEmpty() ? QStringLiteral("HTTP 422") : gh)};
    if (status >= 500)
        return {GitHubError::Kind::Server, status,
                QStringLiteral("GitHub is having trouble (HTTP ") + QString::number(status) +
                    QStringLiteral("); try again later") + said};
    return {GitHubError::Kind::Protocol, status,
            QStringLiteral("GitHub answered HTTP ") + QString::number(status) +
                QStringLiteral(" for ") + what + said};
}

void GitHubClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                        const QString &what, QObject *context, RawCallback done)
{
    auto call = std::make_shared<Call>();
    call->method = method;
    call->url = url;
    call->body = body;
    call->what = what;
    call->context = context;
    call->done = std::move(done);
    m_calls.append(call);
    start(call);
}

void GitHubClient::start(const std::shared_ptr<Call> &call)
{
    ++call->attempt;
    QNetworkRequest request(call->url);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    request.setRawHeader("User-Agent", QByteArrayLiteral("promotion-console/") + PROMOTION_CONSOLE_VERSION);
    if (!m_config.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    if (!call->body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_config.transferTimeoutMs);
    QNetworkReply *reply = m_nam->sendCustomRequest(request, call->method, call->body);
    call->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, call] { onFinished(call); });
}

void GitHubClient::onFinished(const std::shared_ptr<Call> &call)
{
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    reply->deleteLater();
    Raw raw;
    raw.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    raw.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        raw.headers.insert(pair.first.toLower(), pair.second);

    auto retryLater = [&](const QString &reason) {
        if (call->attempt >= m_config.maxAttempts)
            return false;
        const int delay = m_config.backoffMs * (1 << (call->attempt - 1));
        Q_EMIT retrying(call->attempt, delay, reason);
        QTimer::singleShot(delay, this, [this, call] {
            if (call->context)
                start(call);
            else
                m_calls.removeOne(call);
        });
        return true;
    };

    if (raw.status == 0) {
        const QString reason = QStringLiteral("cannot reach GitHub at ") + call->url.host() +
                               QStringLiteral(": ") + reply->errorString();
        if (retryLater(reason))
            return;
        raw.error = {GitHubError::Kind::Network, 0,
                     reason + QStringLiteral(" (tried ") + QString::number(call->attempt) +
                         QStringLiteral(" times)")};
        finish(call, raw);
        return;
    }

    // Rate limits: secondary (Retry-After) and primary (remaining 0 until the reset time).
    if (raw.status == 403 || raw.status == 429) {
        bool ok = false;
        const int retryAfter = raw.headers.value("retry-after").toInt(&ok);
        if (ok) {
            waitRateLimit(call, qMax(1, retryAfter),
                          QStringLiteral("GitHub's secondary rate limit (Retry-After)"));
            return;
        }
        if (raw.headers.value("x-ratelimit-remaining") == "0") {
            const qint64 reset = raw.headers.value("x-ratelimit-reset").toLongLong();
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            waitRateLimit(call, int(qBound(qint64(1), reset - now, qint64(24 * 3600))),
                          QStringLiteral("GitHub's rate limit (X-RateLimit-Reset)"));
            return;
        }
    }
    if (raw.status >= 500) {
        if (retryLater(QStringLiteral("HTTP ") + QString::number(raw.status)))
            return;
    }
    if (raw.status >= 400) {
        raw.error = errorFor(raw.status, raw.body, raw.headers, call->what);
        if (raw.error.kind == GitHubError::Kind::Server)
            raw.error.message += QStringLiteral(" (tried ") + QString::number(call->attempt) +
                                 QStringLiteral(" times)");
    }
    finish(call, raw);
}

void GitHubClient::waitRateLimit(const std::shared_ptr<Call> &call, int seconds,
                                 const QString &reason)
{
    if (call->rateLimitWaited + seconds > m_config.maxRateLimitWaitSeconds) {
        Raw raw;
        raw.error = {GitHubError::Kind::RateLimited, 429,
                     reason + QStringLiteral(": GitHub asks to wait ") + QString::number(seconds) +
                         QStringLiteral(" s, more than the ") +
                         QString::number(m_config.maxRateLimitWaitSeconds) +
                         QStringLiteral(" s allowed; try again later")};
        finish(call, raw);
        return;
    }
    call->rateLimitWaited += seconds;
    auto left = std::make_shared<int>(seconds);
    auto *timer = new QTimer(this);
    timer->setInterval(1000);
    Q_EMIT rateLimitCountdown(*left, reason);
    connect(timer, &QTimer::timeout, this, [this, call, timer, left, reason] {
        --*left;
        Q_EMIT rateLimitCountdown(*left, reason);
        if (*left > 0)
            return;
        timer->stop();
        timer->deleteLater();
        if (call->context)
            start(call);
        else
            m_calls.removeOne(call);
    });
    timer->start();
}

void GitHubClient::finish(const std::shared_ptr<Call> &call, Raw raw)
{
    m_calls.removeOne(call);
    raw.error.message = redact(raw.error.message);
    if (call->context && call->done)
        call->done(raw);
}

void GitHubClient::getAllPages(const QUrl &url, const QString &what, QObject *context,
                               std::function<void(const QJsonArray &, const GitHubError &)> done,
                               QJsonArray sofar)
{
    send("GET", url, QByteArray(), what, context,
         [this, what, context, done, sofar](const Raw &raw) mutable {
             if (raw.error.isError()) {
                 done(sofar, raw.error);
                 return;
             }
             const QJsonDocument doc = raw.json();
             if (!doc.isArray()) {
                 done(sofar, protocolError(QStringLiteral("a list was expected from ") + what));
                 return;
             }
             const QJsonArray page = doc.array();
             for (const QJsonValue &v : page)
                 sofar.append(v);
             const QUrl next = nextLink(raw.headers.value("link"));
             if (next.isValid() && !page.isEmpty())
                 getAllPages(next, what, context, done, sofar);
             else
                 done(sofar, {});
         });
}

// ---------------------------------------------------------------- REST

void GitHubClient::currentUser(QObject *context, Callback<QString> done)
{
    send("GET", restUrl(QStringLiteral("/user")), QByteArray(),
         QStringLiteral("the authenticated user"), context, [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<QString>(raw.error));
             const QString login = raw.json().object().value(QStringLiteral("login")).toString();
             if (login.isEmpty())
                 return done(failure<QString>(protocolError(QStringLiteral("no login in /user"))));
             done(success(login));
         });
}

void GitHubClient::repositoryPermissions(QObject *context, Callback<QJsonObject> done)
{
    send("GET", restUrl(QStringLiteral("/repos/") + m_config.repository), QByteArray(), repoWhat(),
         context, [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<QJsonObject>(raw.error));
             done(success(raw.json().object().value(QStringLiteral("permissions")).toObject()));
         });
}

void GitHubClient::createIssue(const QString &title, const QString &body, const QStringList &labels,
                               QObject *context, Callback<GitHubIssue> done)
{
    QJsonObject o{{QStringLiteral("title"), title}, {QStringLiteral("body"), body}};
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), QJsonArray::fromStringList(labels));
    send("POST", restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues")),
         QJsonDocument(o).toJson(QJsonDocument::Compact), repoWhat(), context,
         [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<GitHubIssue>(raw.error));
             const GitHubIssue issue = GitHubIssue::fromJson(raw.json().object());
             if (issue.number <= 0)
                 return done(failure<GitHubIssue>(protocolError(QStringLiteral("no issue number"))));
             done(success(issue));
         });
}

void GitHubClient::findIssueByMarker(const QString &marker, QObject *context,
                                     Callback<std::optional<GitHubIssue>> done)
{
    const QUrl url = restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues"),
                             {{QStringLiteral("state"), QStringLiteral("all")},
                              {QStringLiteral("per_page"), QStringLiteral("100")}});
    getAllPages(url, repoWhat(), context,
                [done, marker](const QJsonArray &all, const GitHubError &error) {
                    if (error.isError())
                        return done(failure<std::optional<GitHubIssue>>(error));
                    std::optional<GitHubIssue> found;
                    for (const QJsonValue &v : all) {
                        const QJsonObject o = v.toObject();
                        if (o.contains(QStringLiteral("pull_request")))
                            continue;
                        if (!o.value(QStringLiteral("body")).toString().contains(marker))
                            continue;
                        const GitHubIssue i = GitHubIssue::fromJson(o);
                        if (!found || i.number > found->number)
                            found = i;
                    }
                    done(success(found));
                });
}

void GitHubClient::issue(int number, QObject *context, Callback<GitHubIssue> done)
{
    send("GET",
         restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                 QString::number(number)),
         QByteArray(), QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(),
         context, [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<GitHubIssue>(raw.error));
             done(success(GitHubIssue::fromJson(raw.json().object())));
         });
}

void GitHubClient::comments(int number, QObject *context, Callback<QList<GitHubComment>> done)
{
    const QUrl url = restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                                 QString::number(number) + QStringLiteral("/comments"),
                             {{QStringLiteral("per_page"), QStringLiteral("100")}});
    getAllPages(url, QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(),
                context, [done](const QJsonArray &all, const GitHubError &error) {
                    if (error.isError())
                        return done(failure<QList<GitHubComment>>(error));
                    QList<GitHubComment> out;
                    for (const QJsonValue &v : all)
                        out << GitHubComment::fromJson(v.toObject());
                    done(success(out));
                });
}

void GitHubClient::events(int number, QObject *context, Callback<QJsonArray> done)
{
    const QUrl url = restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                                 QString::number(number) + QStringLiteral("/events"),
                             {{QStringLiteral("per_page"), QStringLiteral("100")}});
    getAllPages(url, QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(),
                context, [done](const QJsonArray &all, const GitHubError &error) {
                    if (error.isError())
                        return done(failure<QJsonArray>(error));
                    done(success(all));
                });
}

void GitHubClient::editIssueBody(int number, const QString &body, QObject *context,
                                 Callback<GitHubIssue> done)
{
    send("PATCH",
         restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                 QString::number(number)),
         QJsonDocument(QJsonObject{{QStringLiteral("body"), body}}).toJson(QJsonDocument::Compact),
         QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(), context,
         [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<GitHubIssue>(raw.error));
             done(success(GitHubIssue::fromJson(raw.json().object())));
         });
}

void GitHubClient::addLabels(int number, const QStringList &labels, QObject *context,
                             Callback<QStringList> done)
{
    send("POST",
         restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                 QString::number(number) + QStringLiteral("/labels")),
         QJsonDocument(QJsonObject{{QStringLiteral("labels"), QJsonArray::fromStringList(labels)}})
             .toJson(QJsonDocument::Compact),
         QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(), context,
         [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<QStringList>(raw.error));
             QStringList names;
             const QJsonArray all = raw.json().array();
             for (const QJsonValue &v : all)
                 names << v.toObject().value(QStringLiteral("name")).toString();
             done(success(names));
         });
}

void GitHubClient::removeLabel(int number, const QString &label, QObject *context,
                               Callback<bool> done)
{
    send("DELETE",
         restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                 QString::number(number) + QStringLiteral("/labels/") +
                 QString::fromUtf8(QUrl::toPercentEncoding(label))),
         QByteArray(), QStringLiteral("label '") + label + QStringLiteral("' on issue #") + QString::number(number) +
             QStringLiteral(" of ") + repoWhat(),
         context, [done](const Raw &raw) {
             // 404 "Label does not exist": already gone, which is what was asked.
             if (raw.error.isError() && raw.status != 404)
                 return done(failure<bool>(raw.error));
             done(success(raw.status != 404));
         });
}

void GitHubClient::ensureLabel(const QString &name, const QString &color, const QString &description,
                               QObject *context, Callback<bool> done)
{
    const QString labels = QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/labels");
    const QString what = QStringLiteral("label '") + name + QStringLiteral("' of ") + repoWhat();
    send("GET", restUrl(labels + u'/' + QString::fromUtf8(QUrl::toPercentEncoding(name))), QByteArray(),
         what, context, [=, this](const Raw &raw) {
             if (!raw.error.isError())
                 return done(success(false));
             if (raw.status != 404)
                 return done(failure<bool>(raw.error));
             QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("color"), color}};
             if (!description.isEmpty())
                 o.insert(QStringLiteral("description"), description);
             send("POST", restUrl(labels), QJsonDocument(o).toJson(QJsonDocument::Compact), what,
                  context, [done](const Raw &created) {
                      if (created.error.isError())
                          return done(failure<bool>(created.error));
                      done(success(true));
                  });
         });
}

void GitHubClient::addComment(int number, const QString &body, QObject *context,
                              Callback<GitHubComment> done)
{
    send("POST",
         restUrl(QStringLiteral("/repos/") + m_config.repository + QStringLiteral("/issues/") +
                 QString::number(number) + QStringLiteral("/comments")),
         QJsonDocument(QJsonObject{{QStringLiteral("body"), body}}).toJson(QJsonDocument::Compact),
         QStringLiteral("issue #") + QString::number(number) + QStringLiteral(" of ") + repoWhat(), context,
         [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<GitHubComment>(raw.error));
             done(success(GitHubComment::fromJson(raw.json().object())));
         });
}

void GitHubClient::teamMembership(const QString &org, const QString &teamSlug, const QString &login,
                                  QObject *context, Callback<bool> done)
{
    send("GET",
         restUrl(QStringLiteral("/orgs/") + org + QStringLiteral("/teams/") + teamSlug +
                 QStringLiteral("/memberships/") + login),
         QByteArray(), QStringLiteral("team @") + org + u'/' + teamSlug, context, [done](const Raw &raw) {
             if (raw.status == 404) // not a member (or the team is invisible: not counted either way)
                 return done(success(false));
             if (raw.error.isError())
                 return done(failure<bool>(raw.error));
             done(success(raw.json().object().value(QStringLiteral("state")).toString() ==
                          u"active"));
         });
}

// ---------------------------------------------------------------- GraphQL

void GitHubClient::graphql(const QString &query, const QJsonObject &variables, QObject *context,
                           Callback<QJsonObject> done)
{
    const QJsonObject payload{{QStringLiteral("query"), query}, {QStringLiteral("variables"), variables}};
    send("POST", m_config.graphqlUrl, QJsonDocument(payload).toJson(QJsonDocument::Compact),
         QStringLiteral("GitHub's GraphQL API at ") + m_config.graphqlUrl.toString(), context,
         [done](const Raw &raw) {
             if (raw.error.isError())
                 return done(failure<QJsonObject>(raw.error));
             const QJsonObject o = raw.json().object();
             const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
             if (!errors.isEmpty()) {
                 QStringList messages;
                 bool allNotFound = true;
                 for (const QJsonValue &e : errors) {
                     messages << e.toObject().value(QStringLiteral("message")).toString();
                     allNotFound = allNotFound &&
                                    e.toObject().value(QStringLiteral("type")).toString() == u"NOT_FOUND";
                 }
                 GitHubError err{allNotFound ? GitHubError::Kind::NotFound : GitHubError::Kind::GraphQL,
                                 raw.status,
                                 QStringLiteral("GitHub GraphQL: ") + messages.join(QStringLiteral("; "))};
                 auto r = failure<QJsonObject>(err);
                 r.value = o.value(QStringLiteral("data")).toObject();
                 return done(r);
             }
             if (!o.value(QStringLiteral("data")).isObject())
                 return done(failure<QJsonObject>(protocolError(QStringLiteral("no data in the GraphQL answer"))));
             done(success(o.value(QStringLiteral("data")).toObject()));
         });
}

void GitHubClient::findProject(const QString &owner, const QString &title, QObject *context,
                               Callback<GitHubProject> done)
{
    projectQuery(true, owner, title, context, std::move(done));
}

void GitHubClient::projectQuery(bool organization, const QString &owner, const QString &title,
                                QObject *context, Callback<GitHubProject> done)
{
    const QString root = organization ? QStringLiteral("organization") : QStringLiteral("user");
    const QString query = QStringLiteral("query($owner: String!, $title: String!) { ") + root +
                          QStringLiteral("(login: $owner) { projectsV2(first: 100, query: $title) "
                                         "{ nodes { id title number } } } }");
    graphql(query, {{QStringLiteral("owner"), owner}, {QStringLiteral("title"), title}}, context,
            [=, this](const GitHubResult<QJsonObject> &r) {
                if (r.error.kind == GitHubError::Kind::NotFound && organization)
                    return projectQuery(false, owner, title, context, done); // a user's board
                const QString what = QStringLiteral("project '") + title + QStringLiteral("' of ") + owner;
                if (r.error.kind == GitHubError::Kind::NotFound)
                    return done(failure<GitHubProject>(
                        {GitHubError::Kind::NotFound, 0,
                         QStringLiteral("no organization or user '") + owner +
                             QStringLiteral("' (tracking.project_owner), or the token cannot see it")}));
                if (!r.ok())
                    return done(failure<GitHubProject>(r.error));
                const QJsonArray nodes = r.value.value(root).toObject()
                                             .value(QStringLiteral("projectsV2")).toObject()
                                             .value(QStringLiteral("nodes")).toArray();
                for (const QJsonValue &v : nodes) {
                    const QJsonObject n = v.toObject();
                    if (n.value(QStringLiteral("title")).toString().compare(title, Qt::CaseInsensitive) == 0)
                        return done(success(GitHubProject{n.value(QStringLiteral("id")).toString(),
                                                          n.value(QStringLiteral("title")).toString(),
                                                          n.value(QStringLiteral("number")).toInt()}));
                }
                done(failure<GitHubProject>(
                    {GitHubError::Kind::NotFound, 0,
                     what + QStringLiteral(" not found, or the token cannot see it (it needs the "
                                           "'project' scope); check tracking.project and tracking.project_owner")}));
            });
}

void GitHubClient::singleSelectField(const QString &projectId, const QString &fieldName,
                                     QObject *context, Callback<GitHubSingleSelectField> done)
{
    const QString query = QStringLiteral(
        "query($project: ID!, $field: String!) { node(id: $project) { ... on ProjectV2 { "
        "field(name: $field) { ... on ProjectV2SingleSelectField { id name options { id name } } } } } }");
    graphql(query, {{QStringLiteral("project"), projectId}, {QStringLiteral("field"), fieldName}}, context,
            [done, fieldName](const GitHubResult<QJsonObject> &r) {
                if (!r.ok())
                    return done(failure<GitHubSingleSelectField>(r.error));
                const QJsonObject f = r.value.value(QStringLiteral("node")).toObject()
                                          .value(QStringLiteral("field")).toObject();
                if (f.value(QStringLiteral("id")).toString().isEmpty())
                    return done(failure<GitHubSingleSelectField>(
                        {GitHubError::Kind::NotFound, 0,
                         QStringLiteral("the board has no single-select field '") + fieldName +
                             QStringLiteral("' (tracking.status_field)")}));
                GitHubSingleSelectField field;
                field.id = f.value(QStringLiteral("id")).toString();
                field.name = f.value(QStringLiteral("name")).toString();
                const QJsonArray options = f.value(QStringLiteral("options")).toArray();
                for (const QJsonValue &v : options)
                    field.options.append({v.toObject().value(QStringLiteral("id")).toString(),
                                          v.toObject().value(QStringLiteral("name")).toString()});
                done(success(field));
            });
}

void GitHubClient::addProjectItem(const QString &projectId, const QString &contentId,
                                  QObject *context, Callback<QString> done)
{
    const QString query = QStringLiteral(
        "mutation($project: ID!, $content: ID!) { addProjectV2ItemById(input: {projectId: $project, "
        "contentId: $content}) { item { id } } }");
    graphql(query, {{QStringLiteral("project"), projectId}, {QStringLiteral("content"), contentId}},
            context, [done](const GitHubResult<QJsonObject> &r) {
                if (!r.ok())
                    return done(failure<QString>(r.error));
                const QString id = r.value.value(QStringLiteral("addProjectV2ItemById")).toObject()
                                       .value(QStringLiteral("item")).toObject()
                                       .value(QStringLiteral("id")).toString();
                if (id.isEmpty())
                    return done(failure<QString>(protocolError(QStringLiteral("no item id"))));
                done(success(id));
            });
}

void GitHubClient::setSingleSelectValue(const QString &projectId, const QString &itemId,
                                        const QString &fieldId, const QString &optionId,
                                        QObject *context, Callback<bool> done)
{
    const QString query = QStringLiteral(
        "mutation($project: ID!, $item: ID!, $field: ID!, $option: String!) { "
        "updateProjectV2ItemFieldValue(input: {projectId: $project, itemId: $item, fieldId: $field, "
        "value: {singleSelectOptionId: $option}}) { projectV2Item { id } } }");
    graphql(query,
            {{QStringLiteral("project"), projectId},
             {QStringLiteral("item"), itemId},
             {QStringLiteral("field"), fieldId},
             {QStringLiteral("option"), optionId}},
            context, [done](const GitHubResult<QJsonObject> &r) {
                if (!r.ok())
                    return done(failure<bool>(r.error));
                done(success(true));
            });
}

void GitHubClient::moveIssueOnBoard(const QString &owner, const QString &projectTitle,
                                    const QString &fieldName, const QString &option,
                                    const QString &issueNodeId, QObject *context,
                                    Callback<QString> done)
{
    findProject(owner, projectTitle, context, [=, this](const GitHubResult<GitHubProject> &p) {
        if (!p.ok())
            return done(failure<QString>(p.error));
        singleSelectField(p.value.id, fieldName, context, [=, this](const GitHubResult<GitHubSingleSelectField> &f) {
            if (!f.ok())
                return done(failure<QString>(f.error));
            const GitHubSingleSelectField::Option *o = f.value.option(option);
            if (!o) {
                QStringList names;
                for (const auto &x : f.value.options)
                    names << x.name;
                return done(failure<QString>(
                    {GitHubError::Kind::NotFound, 0,
                     QStringLiteral("the field '") + fieldName + QStringLiteral("' of project '") + projectTitle +
                         QStringLiteral("' has no option '") + option +
                         QStringLiteral("' (it has: ") + names.join(QStringLiteral(", ")) +
                         QStringLiteral("); add it on the board")}));
            }
            const QString fieldId = f.value.id;
            const QString optionId = o->id;
            const QString projectId = p.value.id;
            addProjectItem(projectId, issueNodeId, context, [=, this](const GitHubResult<QString> &item) {
                if (!item.ok())
                    return done(item);
                setSingleSelectValue(projectId, item.value, fieldId, optionId, context,
                                     [done, item](const GitHubResult<bool> &set) {
                                         if (!set.ok())
                                             return done(failure<QString>(set.error));
                                         done(item);
                                     });
            });
        });
    });
}

void GitHubClient::issueBodyEdits(int number, QObject *context, Callback<QList<GitHubBodyEdit>> done)
{
    const QString query = QStringLiteral(
        "query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) "
        "{ issue(number: $number) { userContentEdits(first: 100) { nodes { editor { login } editedAt "
        "deletedAt diff } } } } }");
    graphql(query,
            {{QStringLiteral("owner"), m_config.owner()},
             {QStringLiteral("name"), m_config.name()},
             {QStringLiteral("number"), number}},
            context, [done](const GitHubResult<QJsonObject> &r) {
                if (!r.ok())
                    return done(failure<QList<GitHubBodyEdit>>(r.error));
                const QJsonArray nodes = r.value.value(QStringLiteral("repository")).toObject()
                                             .value(QStringLiteral("issue")).toObject()
                                             .value(QStringLiteral("userContentEdits")).toObject()
                                             .value(QStringLiteral("nodes")).toArray();
                QList<GitHubBodyEdit> edits;
                for (const QJsonValue &v : nodes) {
                    const QJsonObject n = v.toObject();
                    GitHubBodyEdit e;
                    e.editor = n.value(QStringLiteral("editor")).toObject().value(QStringLiteral("login")).toString();
                    e.editedAt = QDateTime::fromString(n.value(QStringLiteral("editedAt")).toString(), Qt::ISODate);
                    e.body = n.value(QStringLiteral("diff")).toString();
                    e.deleted = !n.value(QStringLiteral("deletedAt")).isNull() &&
                                !n.value(QStringLiteral("deletedAt")).isUndefined();
                    edits << e;
                }
                // GitHub lists them newest first, with times to the second: reverse first so
                // that edits within one second keep their order.
                std::reverse(edits.begin(), edits.end());
                std::stable_sort(edits.begin(), edits.end(),
                                 [](const GitHubBodyEdit &a, const GitHubBodyEdit &b) {
                                     return a.editedAt < b.editedAt;
                                 });
                done(success(edits));
            });
}

} // namespace Promotion
