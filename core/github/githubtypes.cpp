// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubtypes.h"

#include <QJsonArray>

namespace Promotion {

QString GitHubError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::GraphQL:
        return QStringLiteral("graphql");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    }
    return {};
}

QJsonObject GitHubError::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("retryable"), retryable()}};
    if (httpStatus)
        o.insert(QStringLiteral("http_status"), httpStatus);
    return o;
}

static QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

GitHubIssue GitHubIssue::fromJson(const QJsonObject &o)
{
    GitHubIssue i;
    i.number = o.value(QStringLiteral("number")).toInt();
    i.nodeId = o.value(QStringLiteral("node_id")).toString();
    i.htmlUrl = o.value(QStringLiteral("html_url")).toString();
    i.title = o.value(QStringLiteral("title")).toString();
    i.body = o.value(QStringLiteral("body")).toString();
    i.state = o.value(QStringLiteral("state")).toString();
    i.author = o.value(QStringLiteral("user")).toObject().value(QStringLiteral("login")).toString();
    i.createdAt = parseTime(o.value(QStringLiteral("created_at")));
    const QJsonArray labels = o.value(QStringLiteral("labels")).toArray();
    for (const QJsonValue &l : labels)
        i.labels << (l.isString() ? l.toString() : l.toObject().value(QStringLiteral("name")).toString());
    return i;
}

QJsonObject GitHubIssue::toJson() const
{
    return {{QStringLiteral("number"), number},
            {QStringLiteral("node_id"), nodeId},
            {QStringLiteral("html_url"), htmlUrl},
            {QStringLiteral("title"), title},
            {QStringLiteral("state"), state},
            {QStringLiteral("author"), author},
            {QStringLiteral("labels"), QJsonArray::fromStringList(labels)}};
}

GitHubComment GitHubComment::fromJson(const QJsonObject &o)
{
    GitHubComment c;
    c.id = qint64(o.value(QStringLiteral("id")).toDouble());
    c.author = o.value(QStringLiteral("user")).toObject().value(QStringLiteral("login")).toString();
    c.createdAt = parseTime(o.value(QStringLiteral("created_at")));
    c.body = o.value(QStringLiteral("body")).toString();
    c.htmlUrl = o.value(QStringLiteral("html_url")).toString();
    return c;
}

const GitHubSingleSelectField::Option *GitHubSingleSelectField::option(const QString &name) const
{
    for (const Option &o : options) {
        if (o.name.compare(name, Qt::CaseInsensitive) == 0)
            return &o;
    }
    return nullptr;
}

} // namespace Promotion
