// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportsummary.h"

#include <QList>
#include <QString>

namespace Promotion {

struct Policy;

/*!
 * \brief Policy back-test: which past promotions a new rule would have blocked.
 *
 * Considered: readable, not dry-run reports whose gates let the promotion go on (promoted,
 * failed, rolled back, rollback failed), newest last; with \a last, only the last N of them.
 */
class PolicyBacktest final
{
public:
    struct Rule
    {
        QString gateId;     //!< coverage, tests, lint …
        double threshold = 0;
        bool atMost = false; //!< findings: the measured value must stay at or below
        QString stage;       //!< target stage it applies to; empty: every stage
        QString text() const; //!< "production coverage ≥ 85"
    };
    struct Hit
    {
        ReportSummary report;
        QString reason; //!< "coverage 82.1 < 85 (production)"
    };
    struct Result
    {
        int considered = 0;
        QList<Hit> blocked;
        /*! "3 of the last 10" */
        QString headline() const;
    };

    /*! The thresholds \a policy sets: coverage per stage, and every gate's own threshold. */
    static QList<Rule> rulesFromPolicy(const Policy &policy);
    static Result run(const QList<ReportSummary> &reports, const QList<Rule> &rules, int last = 0,
                      const QString &component = {});
};

} // namespace Promotion
