// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "github/githubtypes.h"
#include "tracking/approvalrules.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Promotion {

/*! An approval line of the issue: "- [ ] QA approval" is role "qa", title "QA approval". */
struct ApprovalLineSpec
{
    QString role;
    QString title;
};

/*! One approval found on the issue, and whether the policy's approvers let it count. */
struct ApprovalEvidence
{
    enum class Path { Checkbox, Comment };
    QString role;
    QString login;
    QDateTime when;
    Path path = Path::Checkbox;
    QString url;     //!< the comment's html_url, or the issue's URL for a body edit
    bool counted = true;
    QString reason;  //!< why it does not count

    QJsonObject toJson() const;
};

/*! What the reader needs, all fetched beforehand (GitHubClient::issue, issueBodyEdits, comments). */
struct ApprovalsInput
{
    QList<ApprovalLineSpec> lines;
    QString issueUrl;
    QString issueAuthor;
    QDateTime issueCreatedAt;
    QString currentBody;
    QList<GitHubBodyEdit> edits; //!< oldest first; empty when the body was never edited
    QList<GitHubComment> comments;
};

/*! Answers "is \a login an active member of @org/team?"; nullopt when it is not known. */
using TeamResolver =
    std::function<std::optional<bool>(const QString &org, const QString &team, const QString &login)>;

/*!
 * \brief Reads approvals from a promotion issue: ticked checkboxes (who ticked,
 * from the body's edit history) and "/approve ROLE [reason]" / "/revoke ROLE"
 * comments. Pure functions over fetched data.
 *
 * Checkboxes: the revisions are the body as created (by the issue's author at
 * its creation time) followed by every userContentEdits revision, oldest first.
 * GitHub's `diff` field of a UserContentEdit holds the whole body text of that
 * revision, and the first (oldest) entry is the body as created; so comparing
 * the approval lines of successive revisions tells who ticked (or unticked)
 * which line, and when. A box holds one approval: ticking replaces the previous
 * ticker, unticking clears it.
 *
 * Comments: a line "/approve ROLE [reason…]" approves ROLE as the comment's
 * author; "/revoke ROLE" withdraws the author's own approval of ROLE (by either
 * path). Events are applied in time order; the latest wins.
 *
 * Who may approve is policy (tracking.approvers, applyApprovers()); self-approval
 * and one-login-one-role are ApprovalRules' job: toRecorded() gives its input.
 */
class ApprovalsReader final
{
public:
    /*! Role → ticked, for the approval lines of \a body (lines not found are absent). */
    static QMap<QString, bool> checkboxStates(const QString &body, const QList<ApprovalLineSpec> &lines);

    /*! Every approval standing now, oldest first (all counted until applyApprovers()). */
    static QList<ApprovalEvidence> read(const ApprovalsInput &input);

    /*!
     * Marks approvals by logins not listed for their role as not counted, with the
     * reason. Entries are logins or "@org/team" (asked to \a teams). A role without
     * an entry in \a approvers is open to anyone.
     */
    static void applyApprovers(QList<ApprovalEvidence> *evidence,
                               const QMap<QString, QStringList> &approvers,
                               const TeamResolver &teams = {});

    /*! The (org, team, login) membership questions applyApprovers() will ask, to fetch first. */
    static QList<std::tuple<QString, QString, QString>>
    teamQuestions(const QList<ApprovalEvidence> &evidence, const QMap<QString, QStringList> &approvers);

    /*! The latest counted approval of \a role, if any. */
    static std::optional<ApprovalEvidence> forRole(const QList<ApprovalEvidence> &evidence,
                                                   const QString &role);

    /*! The counted approvals as ApprovalRules takes them (identity: the GitHub login). */
    static QList<RecordedApproval> toRecorded(const QList<ApprovalEvidence> &evidence);

    /*! The seed's lines from policy roles: "tech_lead" → "Tech lead approval", ... */
    static QList<ApprovalLineSpec> linesFromRoles(const QMap<QString, QString> &roleTitles);
};

} // namespace Promotion
