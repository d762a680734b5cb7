// SPDX-License-Identifier: GPL-3.0-or-later
#include "qualitygateskip.h"

#include "tracking/gitidentity.h"

#include <QRegularExpression>

namespace Promotion {

QString QualityGateSkip::reasonRule()
{
    return QStringLiteral("a reason for skipping the quality gates is a sentence: at least %1 "
                          "characters and %2 words")
        .arg(MinimumReasonLength)
        .arg(MinimumReasonWords);
}

QString QualityGateSkip::stageProblem(const Policy &policy, const QString &toStage)
{
    if (policy.allowSkipQualityGates.contains(toStage))
        return {};
    const QString allowed = policy.allowSkipQualityGates.isEmpty()
                                ? QStringLiteral("no stage")
                                : policy.allowSkipQualityGates.join(QStringLiteral(", "));
    return QStringLiteral("skipping the quality gates is not allowed for a promotion to '%1': "
                          "the policy key options.allow_skip_quality_gates lists the target "
                          "stages that allow it (now: %2)")
        .arg(toStage, allowed);
}

QString QualityGateSkip::reasonProblem(const QString &reason)
{
    const QString text = reason.simplified();
    static const QRegularExpression word(QStringLiteral("\\w{2,}"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    int words = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++words;
    if (text.size() >= MinimumReasonLength && words >= MinimumReasonWords)
        return {};
    return QStringLiteral("'%1' is not enough: %2").arg(text, reasonRule());
}

QString QualityGateSkip::approvalProblem(const Policy &policy, const QString &approver,
                                         const QString &promoter)
{
    const QString role = policy.skipApprovalRole;
    if (role.isEmpty())
        return {};
    if (approver.trimmed().isEmpty())
        return QStringLiteral("skipping the quality gates needs the approval of a second person "
                              "in the role '%1' (policy key options.skip_approval_role): give "
                              "--approve %1=NAME")
            .arg(role);
    if (!promoter.trimmed().isEmpty() &&
        GitIdentity::parse(approver).sameAs(GitIdentity::parse(promoter)))
        return QStringLiteral("%1 cannot approve skipping the quality gates they asked for: the "
                              "approval in the role '%2' (options.skip_approval_role) must come "
                              "from someone else")
            .arg(approver, role);
    return {};
}

QString QualityGateSkip::problem(const Policy &policy, const QString &toStage,
                                 const QString &reason, const QString &approver,
                                 const QString &promoter)
{
    for (const QString &p : {stageProblem(policy, toStage), reasonProblem(reason),
                             approvalProblem(policy, approver, promoter)}) {
        if (!p.isEmpty())
            return p;
    }
    return {};
}

} // namespace Promotion
