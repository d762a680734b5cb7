// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! \brief Why a GitHub call failed, as a sentence that says what to fix. */
struct GitHubError
{
    enum class Kind {
        None,
        Network,     //!< no answer (host down, refused, timeout): retryable
        Auth,        //!< 401
        Forbidden,   //!< 403 that is not a rate limit (missing scope, no access)
        NotFound,    //!< 404
        Validation,  //!< 422
        Server,      //!< 5xx, still failing after the retries: retryable
        RateLimited, //!< the wait would exceed the bound: retryable later
        GraphQL,     //!< "errors" in a GraphQL answer
        Protocol     //!< an answer that is not what GitHub sends (bad JSON, missing fields)
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; //!< never contains the token

    bool isError() const { return kind != Kind::None; }
    /*! Worth trying again later without changing anything (network, 5xx, rate limit). */
    bool retryable() const
    {
        return kind == Kind::Network || kind == Kind::Server || kind == Kind::RateLimited;
    }
    static QString kindName(Kind kind);
    QJsonObject toJson() const;
};

/*! A value or the error that prevented it. */
template<typename T>
struct GitHubResult
{
    T value{};
    GitHubError error;
    bool ok() const { return !error.isError(); }
};

struct GitHubIssue
{
    int number = 0;
    QString nodeId;  //!< GraphQL id, for the project board
    QString htmlUrl;
    QString title;
    QString body;
    QString state;
    QString author;  //!< user.login
    QDateTime createdAt;
    QStringList labels;

    static GitHubIssue fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

struct GitHubComment
{
    qint64 id = 0;
    QString author;
    QDateTime createdAt;
    QString body;
    QString htmlUrl;

    static GitHubComment fromJson(const QJsonObject &o);
};

/*! One revision of an issue body from GraphQL userContentEdits (see GitHubClient::issueBodyEdits). */
struct GitHubBodyEdit
{
    QString editor;     //!< login, empty when GitHub no longer knows the account
    QDateTime editedAt;
    QString body;       //!< the whole body after this edit (userContentEdits' `diff`)
    bool deleted = false;
};

struct GitHubProject
{
    QString id;
    QString title;
    int number = 0;
};

struct GitHubSingleSelectField
{
    struct Option
    {
        QString id;
        QString name;
    };
    QString id;
    QString name;
    QList<Option> options;
    /*! The option named \a name (case-insensitive), or nullptr. */
    const Option *option(const QString &name) const;
};

} // namespace Promotion
