// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policy/policy.h"

#include <QString>

namespace Promotion {

/*!
 * \brief When the quality gates may be skipped, and what a skip needs.
 *
 * Skipping is the way around every gate, so it is not easy:
 * - the target stage must be listed in `options.allow_skip_quality_gates`
 *   (the built-in policy lists development and staging, never production);
 * - the reason is a sentence: at least MinimumReasonLength characters and
 *   MinimumReasonWords words;
 * - when `options.skip_approval_role` names a role, a person in that role other
 *   than the promoter approves the skip (`--approve ROLE=NAME`, or the wizard's
 *   skip dialog).
 *
 * Used where a request is validated (RunContext::open) and by the wizard's skip,
 * so both refuse the same things with the same words.
 */
class QualityGateSkip final
{
public:
    static constexpr int MinimumReasonLength = 20;
    static constexpr int MinimumReasonWords = 4;

    /*! The reason rule, as an error or a dialog says it. */
    static QString reasonRule();
    /*! Why \a policy forbids skipping the gates to \a toStage, naming the key that allows it. */
    static QString stageProblem(const Policy &policy, const QString &toStage);
    /*! Why \a reason is not enough; empty when it is. */
    static QString reasonProblem(const QString &reason);
    /*! Why \a approver cannot approve a skip \a promoter asks for; empty when no approval is
     *  needed or it counts. */
    static QString approvalProblem(const Policy &policy, const QString &approver,
                                   const QString &promoter);
    /*! The first of the three problems; empty when the skip may go ahead. */
    static QString problem(const Policy &policy, const QString &toStage, const QString &reason,
                           const QString &approver, const QString &promoter);
};

} // namespace Promotion
