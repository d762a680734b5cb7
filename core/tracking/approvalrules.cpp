// SPDX-License-Identifier: GPL-3.0-or-later
#include "approvalrules.h"

#include "gitidentity.h"

#include <algorithm>

namespace Promotion {

namespace {
struct Holder
{
    GitIdentity identity;
    QString role;
    bool byDefault = false; //!< the promoter's implicit role rather than an approval
};

const Holder *findHolder(const QList<Holder> &holders, const GitIdentity &identity)
{
    for (const Holder &h : holders) {
        if (h.identity.sameAs(identity))
            return &h;
    }
    return nullptr;
}

const QString kSettingHint = QStringLiteral("options.allow_self_approval");
} // namespace

ApprovalOutcome ApprovalRules::evaluate(const ApprovalRequest &request)
{
    ApprovalOutcome outcome;

    // Valid approvals for required roles, with the index that orders ties.
    struct Candidate
    {
        RecordedApproval approval;
        GitIdentity identity;
        qsizetype roleIndex;
        qsizetype inputIndex;
    };
    QList<Candidate> candidates;
    for (qsizetype i = 0; i < request.approvals.size(); ++i) {
        const RecordedApproval &approval = request.approvals.at(i);
        const qsizetype roleIndex = request.requiredRoles.indexOf(approval.role);
        if (roleIndex < 0)
            continue;
        const GitIdentity identity = GitIdentity::parse(approval.identity);
        if (identity.isEmpty()) {
            outcome.violations.append(
                {approval.role, approval.identity,
                 QStringLiteral("The %1 approval has no identity; it does not count.")
                     .arg(approval.role)});
            continue;
        }
        if (!approval.when.isValid()) {
            outcome.violations.append(
                {approval.role, approval.identity,
                 QStringLiteral("The %1 approval by %2 has no valid time; it does not count.")
                     .arg(approval.role, identity.toString())});
            continue;
        }
        candidates.append({approval, identity, roleIndex, i});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (a.approval.when != b.approval.when)
                             return a.approval.when < b.approval.when;
                         return a.roleIndex < b.roleIndex;
                     });

    QList<Holder> holders;
    const GitIdentity promoter = GitIdentity::parse(request.promoter);
    if (!request.allowSelfApproval) {
        if (promoter.isEmpty()) {
            outcome.violations.append(
                {QString(), QString(),
                 QStringLiteral("The identity of the person running the promotion is unknown, so "
                                "self-approval cannot be ruled out (set git user.name and "
                                "user.email, or allow it with %1).")
                     .arg(kSettingHint)});
        } else if (!request.promoterRole.isEmpty()) {
            const bool someoneElseHoldsIt =
                std::any_of(candidates.cbegin(), candidates.cend(), [&](const Candidate &c) {
                    return c.approval.role == request.promoterRole && !c.identity.sameAs(promoter);
                });
            if (!someoneElseHoldsIt)
                holders.append({promoter, request.promoterRole, true});
        }
    }

    for (const Candidate &c : std::as_const(candidates)) {
        if (!request.allowSelfApproval) {
            if (const Holder *holder = findHolder(holders, c.identity)) {
                if (holder->role != c.approval.role) {
                    const QString reason =
                        holder->byDefault
                            ? QStringLiteral(
                                  "%1 runs this promotion and so acts as %2; they may not also "
                                  "approve as %3 (self-approval is disabled by %4).")
                                  .arg(c.identity.toString(), holder->role, c.approval.role,
                                       kSettingHint)
                            : QStringLiteral(
                                  "%1 already approved as %2; one person may not also approve "
                                  "as %3 (self-approval is disabled by %4).")
                                  .arg(c.identity.toString(), holder->role, c.approval.role,
                                       kSettingHint);
                    outcome.violations.append({c.approval.role, c.approval.identity, reason});
                    continue;
                }
            } else {
                holders.append({c.identity, c.approval.role, false});
            }
        }
        // The same person approving the same role twice counts once.
        const bool duplicate = std::any_of(
            outcome.accepted.cbegin(), outcome.accepted.cend(), [&](const RecordedApproval &a) {
                return a.role == c.approval.role &&
                       GitIdentity::parse(a.identity).sameAs(c.identity);
            });
        if (!duplicate)
            outcome.accepted.append(c.approval);
    }

    for (const QString &role : request.requiredRoles) {
        const bool covered = std::any_of(outcome.accepted.cbegin(), outcome.accepted.cend(),
                                         [&](const RecordedApproval &a) { return a.role == role; });
        if (!covered && !outcome.missingRoles.contains(role))
            outcome.missingRoles.append(role);
    }
    return outcome;
}

QStringList ApprovalRules::defaultRequiredRoles(const QString &targetStage)
{
    QStringList roles{QStringLiteral("tech_lead"), QStringLiteral("qa")};
    if (targetStage == QLatin1String("production"))
        roles.append(QStringLiteral("security"));
    return roles;
}

} // namespace Promotion
