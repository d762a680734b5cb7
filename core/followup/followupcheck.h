// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "health/healthresults.h"
#include "policy/policy.h"
#include "workflow/runstate.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace Promotion {

class HealthMonitor;
class Workspace;

/*!
 * \brief The result of one follow-up check of a promotion (seed: "No rollback needed
 * within 24 hours"), written beside its report in `.promotion/reports/follow-ups/`.
 * It names the report by file name and SHA-256, so the report itself is never edited.
 */
struct FollowUpRecord
{
    static constexpr int kSchemaVersion = 1;

    QString reportFile;   //!< file name under .promotion/reports
    QString reportSha256; //!< of the report's bytes when checked
    QString runId;
    QString component;
    QString stage;
    QDateTime dueAt;
    QDateTime checkedAt;
    bool forced = false; //!< --now: checked before it was due
    bool passed = false;
    QList<CheckItem> checks;
    QString summary;
    QString path; //!< where it was written (not in the JSON)

    QJsonObject toJson() const;
    static FollowUpRecord fromJson(const QJsonObject &o);
};

/*! \brief A promotion whose follow-up is due (or asked for with --now). */
struct FollowUpCandidate
{
    QString reportPath;
    QJsonObject report;
    QDateTime dueAt;
    std::optional<FollowUpRecord> last; //!< the newest follow-up of this report, if any
};

/*!
 * \brief `promotion-console follow-up`: re-checks health, status and the metrics window of
 * promotions whose follow-up is due, and records the result beside their reports.
 *
 * failed() is the hook for what a failed follow-up should lead to (offer a rollback, file
 * the rollback issue where GitHub tracking is configured); this class only reports.
 */
class FollowUpCheck final : public QObject
{
    Q_OBJECT
public:
    explicit FollowUpCheck(QObject *parent = nullptr);

    /*! The directory follow-up records go to: `.promotion/reports/follow-ups`. */
    static QString recordsDir(const Workspace &workspace);
    /*! When \a report's follow-up is due; invalid when it has none (not promoted, dry run). */
    static QDateTime dueAt(const QJsonObject &report);
    /*! The newest record written for the report file \a reportPath. */
    static std::optional<FollowUpRecord> latestRecord(const Workspace &workspace,
                                                      const QString &reportPath);
    /*!
     * The newest promotion of each component (older ones are superseded) that is due at \a now
     * and not checked yet; with \a force, the newest promotion of each component regardless.
     */
    static QList<FollowUpCandidate> candidates(const Workspace &workspace, const QDateTime &now,
                                               bool force);
    /*! The newest promotion of each component and target stage, with its last follow-up. */
    static QList<FollowUpCandidate> newest(const Workspace &workspace);
    /*! One line for people: "due in 5 h", "due now", "passed …", "FAILED: …". */
    static QString statusText(const FollowUpCandidate &candidate, const QDateTime &now);

    /*! Check \a candidate with \a policy's validation settings; finished() follows. */
    void start(const Workspace &workspace, const Policy &policy, const FollowUpCandidate &candidate,
               bool forced);
    void cancel();

Q_SIGNALS:
    /*! A line for the console or the log pane. */
    void progress(const QString &line);
    /*! The record is written (FollowUpRecord::path), or could not be (summary says why). */
    void finished(const Promotion::FollowUpRecord &record);
    /*! The follow-up failed: the hook for a rollback offer and the rollback issue. */
    void failed(const Promotion::FollowUpRecord &record);

private:
    void onEndpoints(const EndpointCheck &check);
    void onWindow(const WindowResult &result);
    void done();

    HealthMonitor *m_health;
    FollowUpRecord m_record;
    QString m_recordsDir;
    QJsonObject m_report;
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::FollowUpRecord)
