// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "github/githubtypes.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Promotion {

/*! \brief Where GitHub is and how patient to be with it. */
struct GitHubConfig
{
    QUrl apiUrl = QUrl(QStringLiteral("https://api.github.com"));
    QUrl graphqlUrl;    //!< empty: derived from apiUrl (see graphqlUrlFor())
    QString repository; //!< owner/name
    QString token;      //!< never logged, never in a message
    int maxAttempts = 3;            //!< per request, for 5xx and network errors
    int backoffMs = 1000;           //!< first retry delay; doubles each retry
    int maxRateLimitWaitSeconds = 60; //!< total wait for rate limits per request
    int transferTimeoutMs = 30000;

    QString owner() const { return repository.section(u'/', 0, 0); }
    QString name() const { return repository.section(u'/', 1); }
    /*! api.github.com → https://api.github.com/graphql; https://HOST/api/v3 → https://HOST/api/graphql. */
    static QUrl graphqlUrlFor(const QUrl &apiUrl);
};

/*!
 * \brief GitHub's REST and GraphQL APIs over QNetworkAccessManager, never blocking.
 *
 * Every operation takes a context object and a callback that receives a typed
 * GitHubResult; the callback is not called when the context is gone. One
 * operation may make several requests (pagination, retries, rate-limit waits),
 * the callback runs once. Errors are mapped to sentences that say what to fix
 * (see GitHubError); 5xx and network errors are retried with backoff, rate
 * limits are waited out within GitHubConfig::maxRateLimitWaitSeconds while
 * rateLimitCountdown() counts down for a UI.
 */
class GitHubClient final : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const GitHubResult<T> &)>;

    explicit GitHubClient(const GitHubConfig &config, QObject *parent = nullptr);
    ~GitHubClient() override;

    const GitHubConfig &config() const { return m_config; }
    void setToken(const QString &token);
    /*! Requests in flight or waiting for a retry. */
    int pendingRequests() const { return int(m_calls.size()); }

    // REST
    void currentUser(QObject *context, Callback<QString> done);
    /*! The token's permissions on the repository ("admin", "maintain", "push", "triage", "pull"). */
    void repositoryPermissions(QObject *context, Callback<QJsonObject> done);
    void createIssue(const QString &title, const QString &body, const QStringList &labels,
                     QObject *context, Callback<GitHubIssue> done);
    /*! The newest issue (not pull request) whose body contains \a marker, any state. */
    void findIssueByMarker(const QString &marker, QObject *context,
                           Callback<std::optional<GitHubIssue>> done);
    void issue(int number, QObject *context, Callback<GitHubIssue> done);
    void comments(int number, QObject *context, Callback<QList<GitHubComment>> done);
    void events(int number, QObject *context, Callback<QJsonArray> done);
    void editIssueBody(int number, const QString &body, QObject *context,
                       Callback<GitHubIssue> done);
    /*! Labels of the issue afterwards. GitHub.com creates unknown labels (grey). */
    void addLabels(int number, const QStringList &labels, QObject *context,
                   Callback<QStringList> done);
    /*! A label that is not on the issue counts as removed (replaying is harmless). */
    void removeLabel(int number, const QString &label, QObject *context, Callback<bool> done);
    /*! GET the label; 404 → create it with \a color. Value: true when it was created. */
    void ensureLabel(const QString &name, const QString &color, const QString &description,
                     QObject *context, Callback<bool> done);
    void addComment(int number, const QString &body, QObject *context,
                    Callback<GitHubComment> done);
    /*! True when \a login is an active member of \a org / \a teamSlug. */
    void teamMembership(const QString &org, const QString &teamSlug, const QString &login,
                        QObject *context, Callback<bool> done);

    // GraphQL
    /*! POST {"query","variables"}; "errors" in the answer are an error. Value: "data". */
    void graphql(const QString &query, const QJsonObject &variables, QObject *context,
                 Callback<QJsonObject> done);
    /*! The Projects v2 board titled \a title (exact, case-insensitive) of an org or user. */
    void findProject(const QString &owner, const QString &title, QObject *context,
                     Callback<GitHubProject> done);
    void singleSelectField(const QString &projectId, const QString &fieldName, QObject *context,
                           Callback<GitHubSingleSelectField> done);
    /*! Adds the issue (node id) to the board; GitHub returns the existing item if present. */
    void addProjectItem(const QString &projectId, const QString &contentId, QObject *context,
                        Callback<QString> done);
    void setSingleSelectValue(const QString &projectId, const QString &itemId,
                              const QString &fieldId, const QString &optionId, QObject *context,
                              Callback<bool> done);
    /*! The four calls above in a row: put the issue in column \a option of \a field. */
    void moveIssueOnBoard(const QString &owner, const QString &projectTitle,
                          const QString &fieldName, const QString &option,
                          const QString &issueNodeId, QObject *context, Callback<QString> done);
    /*! The body's revisions, oldest first (userContentEdits, newest-first from GitHub). */
    void issueBodyEdits(int number, QObject *context, Callback<QList<GitHubBodyEdit>> done);

    /*! The message for an HTTP answer (pure; public for tests). \a what: "repository o/r". */
    static GitHubError errorFor(int status, const QByteArray &body,
                                const QHash<QByteArray, QByteArray> &headers, const QString &what);

Q_SIGNALS:
    /*! A rate limit is being waited out: \a secondsLeft until the retry (counts down to 0). */
    void rateLimitCountdown(int secondsLeft, const QString &reason);
    /*! A request failed and will be retried in \a delayMs. */
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    struct Raw
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; //!< lower-case names
        GitHubError error;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    };
    using RawCallback = std::function<void(const Raw &)>;
    struct Call
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        QString what; //!< for 404 messages
        QPointer<QObject> context;
        RawCallback done;
        int attempt = 0;
        int rateLimitWaited = 0;
        QNetworkReply *reply = nullptr;
    };

    QUrl restUrl(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;
    QString repoWhat() const;
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body,
              const QString &what, QObject *context, RawCallback done);
    void start(const std::shared_ptr<Call> &call);
    void onFinished(const std::shared_ptr<Call> &call);
    void waitRateLimit(const std::shared_ptr<Call> &call, int seconds, const QString &reason);
    void finish(const std::shared_ptr<Call> &call, Raw raw);
    /*! GET \a url and every page after it (Link rel="next"). */
    void getAllPages(const QUrl &url, const QString &what, QObject *context,
                     std::function<void(const QJsonArray &, const GitHubError &)> done,
                     QJsonArray sofar = {});
    void projectQuery(bool organization, const QString &owner, const QString &title,
                      QObject *context, Callback<GitHubProject> done);
    QString redact(const QString &text) const;

    GitHubConfig m_config;
    QNetworkAccessManager *m_nam = nullptr;
    QList<std::shared_ptr<Call>> m_calls;
};

} // namespace Promotion
