// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! One approval as it was recorded: who approved in which role, and when. */
struct RecordedApproval
{
    QString role;     //!< policy role id, e.g. "tech_lead", "qa", "security"
    QString identity; //!< "Name <email>", "email" or "Name" (see GitIdentity)
    QDateTime when;
};

/*! Everything ApprovalRules needs to judge one promotion's approvals. */
struct ApprovalRequest
{
    QString promoter;          //!< identity of the person running the promotion
    QStringList requiredRoles; //!< in policy order
    QList<RecordedApproval> approvals;
    bool allowSelfApproval = false; //!< policy options.allow_self_approval
    /*! The role the promoter holds by default; empty for none. */
    QString promoterRole = QStringLiteral("tech_lead");
};

/*! An approval that does not count, or a reason approvals cannot be checked. */
struct ApprovalViolation
{
    QString role;     //!< empty when the violation is not about one role
    QString identity; //!< as recorded
    QString reason;   //!< a sentence naming the person, the role and the rule
};

struct ApprovalOutcome
{
    QStringList missingRoles; //!< required roles without an accepted approval, policy order
    QList<ApprovalViolation> violations;
    QList<RecordedApproval> accepted; //!< approvals that count, oldest first
    bool satisfied() const { return missingRoles.isEmpty() && violations.isEmpty(); }
};

/*!
 * \brief Decides whether recorded approvals satisfy a promotion's required roles.
 *
 * The rules, in order:
 * 1. Approvals for roles that are not required are ignored.
 * 2. An approval without an identity or without a valid time is a violation
 *    and does not count.
 * 3. With self-approval allowed, every other approval counts.
 * 4. With self-approval disallowed (the default), one person holds one role:
 *    - The promoter holds \c promoterRole (the tech lead by default), unless
 *      somebody else approved that role, who is then the tech lead instead.
 *    - Approvals are taken oldest first (ties in required-role order). An
 *      approval counts when its identity holds no role yet or already holds
 *      that same role; otherwise it is a violation and does not count.
 *    - An unknown (empty) promoter is a violation: self-approval cannot be checked.
 * 5. A required role without a counted approval is missing.
 *
 * Identities are compared with GitIdentity::sameAs (email ignoring case when
 * both have one, else name ignoring case).
 */
class ApprovalRules final
{
public:
    static ApprovalOutcome evaluate(const ApprovalRequest &request);

    /*! The seed's approvals: tech lead and QA, plus security for production. */
    static QStringList defaultRequiredRoles(const QString &targetStage);
};

} // namespace Promotion
