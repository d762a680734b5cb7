// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "followup/followupcheck.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Promotion {

class GitHubClient;
class TrackingQueue;

/*!
 * \brief A failed follow-up on GitHub: the seed's rollback issue ("Rollback {c} from
 * {stage}", labels rollback and component:{c}, the failed checks), linked from the
 * promotion's issue when the report names one.
 *
 * Idempotent: the body carries a marker with the run id, and an issue that already has it
 * is reused, so a second failed check of the same promotion files no second issue.
 */
class FollowUpIssue final : public QObject
{
    Q_OBJECT
public:
    explicit FollowUpIssue(QObject *parent = nullptr);
    ~FollowUpIssue() override;

    /*! The token to use; without one, GH_TOKEN then GITHUB_TOKEN. */
    void setToken(const QString &token) { m_token = token; }
    /*! True when \a policy names a repository and a token is at hand. */
    bool applies(const Policy &policy) const;
    /*! File the issue for \a record (a failed follow-up of \a report); finished() follows. */
    void file(const Policy &policy, const QJsonObject &report, const FollowUpRecord &record);

    static QString marker(const QString &runId);

Q_SIGNALS:
    /*! \a url of the rollback issue, or \a error saying why there is none. */
    void finished(const QString &url, const QString &error);

private:
    QString token() const;

    QString m_token;
    QPointer<GitHubClient> m_client;
    QPointer<TrackingQueue> m_queue;
};

} // namespace Promotion
