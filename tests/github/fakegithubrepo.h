// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakegithubserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace Promotion::Test {

/*!
 * \brief One GitHub repository with memory, behind a FakeGitHubServer: issues
 * with labels, comments and their body's edit history, repository labels, one
 * Projects v2 board, and the logins that tokens belong to.
 *
 * It answers the REST and GraphQL subset GitHubClient uses, with the shapes of
 * GitHub's recorded replies (tests/data/github): a created issue is the
 * recorded create-issue reply with this issue's fields put in. Tests act as
 * other people with comment() and tick(), and can make GitHub unreachable
 * (setDown) or refuse a board (setBoardMissing).
 */
class FakeGitHubRepo final
{
public:
    struct Issue
    {
        int number = 0;
        QString title;
        QString body;
        QString author;
        QDateTime createdAt;
        QStringList labels;
        struct Edit
        {
            QString editor;
            QDateTime at;
            QString body;
        };
        QList<Edit> edits; //!< every revision, oldest first (the first is the body as created)
        struct Comment
        {
            qint64 id = 0;
            QString author;
            QDateTime at;
            QString body;
        };
        QList<Comment> comments;
        QString boardColumn;
    };

    FakeGitHubRepo(FakeGitHubServer *server, const QString &repository);

    /*! Requests with "Authorization: Bearer TOKEN" act as \a login. */
    void addToken(const QString &token, const QString &login);
    /*! Answer every request with 503 (GitHub down) until set back. */
    void setDown(bool down) { m_down = down; }
    /*! The board is not found (a tracking error that must not block). */
    void setBoardMissing(bool missing) { m_boardMissing = missing; }
    /*! What GET /repos/{repo} says the token may do (default: push and triage). */
    void setPermissions(const QJsonObject &permissions) { m_permissions = permissions; }

    QList<Issue> &issues() { return m_issues; }
    Issue *issue(int number);
    const QSet<QString> &repoLabels() const { return m_labels; }
    QString issueUrl(int number) const;
    QString commentUrl(int number, qint64 id) const;

    /*! \a login comments \a body on issue \a number (e.g. "/approve qa"). */
    qint64 comment(int number, const QString &login, const QString &body);
    /*! \a login ticks (or unticks) the line starting with \a title in the issue body. */
    bool tick(int number, const QString &login, const QString &title, bool checked = true);

private:
    std::optional<FakeGitHubServer::Reply> handle(const FakeGitHubServer::Request &req);
    std::optional<FakeGitHubServer::Reply> graphql(const FakeGitHubServer::Request &req,
                                                   const QString &login);
    QJsonObject issueJson(const Issue &issue) const;
    QJsonObject commentJson(int number, const Issue::Comment &c) const;
    QString loginFor(const FakeGitHubServer::Request &req) const;
    void editBody(Issue &issue, const QString &login, const QString &body);

    FakeGitHubServer *m_server;
    QString m_repository;
    QHash<QString, QString> m_tokens;
    QList<Issue> m_issues;
    QSet<QString> m_labels;
    qint64 m_nextCommentId = 5000;
    bool m_down = false;
    bool m_boardMissing = false;
    QJsonObject m_permissions{{QStringLiteral("admin"), false}, {QStringLiteral("maintain"), false},
                              {QStringLiteral("push"), true},   {QStringLiteral("triage"), true},
                              {QStringLiteral("pull"), true}};
};

} // namespace Promotion::Test
