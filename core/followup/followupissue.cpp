// SPDX-License-Identifier: GPL-3.0-or-later
#include "followupissue.h"

#include "github/githubclient.h"
#include "github/githubtoken.h"
#include "github/trackingqueue.h"
#include "secrets/redactor.h"

#include <QProcessEnvironment>

namespace Promotion {

FollowUpIssue::FollowUpIssue(QObject *parent)
    : QObject(parent)
{
}

FollowUpIssue::~FollowUpIssue() = default;

QString FollowUpIssue::token() const
{
    return m_token.isEmpty()
               ? GitHubToken::fromEnvironment(QProcessEnvironment::systemEnvironment())
               : m_token;
}

bool FollowUpIssue::applies(const Policy &policy) const
{
    return !policy.tracking.repository.isEmpty() && !token().isEmpty();
}

QString FollowUpIssue::marker(const QString &runId)
{
    return QStringLiteral("<!-- promotion-console follow-up rollback: %1 -->")
        .arg(QString(runId).remove(QStringLiteral("--")));
}

void FollowUpIssue::file(const Policy &policy, const QJsonObject &report,
                         const FollowUpRecord &record)
{
    if (!applies(policy)) {
        Q_EMIT finished({}, QStringLiteral("no GitHub repository or token"));
        return;
    }
    GitHubConfig config;
    config.apiUrl = QUrl(policy.tracking.apiUrl);
    config.graphqlUrl = QUrl(policy.tracking.graphqlUrl.isEmpty()
                                 ? TrackingPolicy::graphqlUrlFor(policy.tracking.apiUrl)
                                 : policy.tracking.graphqlUrl);
    config.repository = policy.tracking.repository;
    config.token = token();
    delete m_client;
    delete m_queue;
    m_client = new GitHubClient(config, this);
    m_queue = new TrackingQueue(m_client, this);

    const QJsonObject tracking = report.value(QStringLiteral("tracking")).toObject();
    GitHubIssue promotion;
    promotion.number =
        tracking.value(QStringLiteral("github")).toObject().value(QStringLiteral("issue_number")).toInt();
    promotion.htmlUrl = tracking.value(QStringLiteral("url")).toString();
    m_queue->setIssue(promotion);

    QStringList checks;
    for (const CheckItem &c : record.checks)
        checks << QStringLiteral("- [%1] %2 — %3")
                      .arg(c.passed ? QStringLiteral("x") : QStringLiteral(" "), c.text, c.detail);
    const QString body =
        QStringLiteral("## Rollback of %1 from %2\n\n"
                       "**Trigger:** the follow-up after the promotion failed (seed: \"No rollback "
                       "needed within 24 hours\"): %3\n\n"
                       "**Promotion issue:** %4\n\n**Report:** `%5` (SHA-256 %6)\n\n"
                       "**Checked:** %7\n\n### Checks\n\n%8\n\n%9\n")
            .arg(record.component, record.stage, record.summary,
                 promotion.htmlUrl.isEmpty() ? QStringLiteral("none") : promotion.htmlUrl,
                 record.reportFile, record.reportSha256,
                 record.checkedAt.toUTC().toString(Qt::ISODate), checks.join(u'\n'),
                 marker(record.runId));
    const QString title = QStringLiteral("Rollback %1 from %2").arg(record.component, record.stage);
    const QStringList labels{QStringLiteral("rollback"),
                             QStringLiteral("component:") + record.component};
    m_queue->enqueue(TrackingAction::ensureLabel(QStringLiteral("rollback"), QStringLiteral("d93f0b")));
    if (promotion.number > 0)
        m_queue->enqueue(TrackingAction::createLinkedIssue(
            title, Redactor().redact(body), labels, marker(record.runId),
            QStringLiteral("⚠️ The follow-up failed: %1\n\nRollback issue:").arg(record.summary)));
    else
        m_queue->enqueue(TrackingAction::createIssue(title, Redactor().redact(body), labels,
                                                     marker(record.runId)));
    connect(m_queue, &TrackingQueue::flushFinished, this,
            [this](TrackingQueue::Outcome outcome, const GitHubError &error) {
                const TrackingAction &last = m_queue->actions().constLast();
                const QString url = last.result.value(QStringLiteral("html_url")).toString();
                Q_EMIT finished(outcome == TrackingQueue::Outcome::AllDone ? url : QString(),
                                error.message);
            });
    m_queue->flush();
}

} // namespace Promotion
