// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportsummary.h"

#include <optional>
#include <QDate>
#include <QJsonObject>
#include <QList>

namespace Promotion {

/*!
 * \brief The seed's dashboard: promotion time (median, p90), success rate and rollback rate,
 * overall and per component, over a period.
 *
 * Counted: readable reports that are not dry runs and did finish (not running, not
 * discarded). Success rate: promoted / counted. Rollback rate: rolled back (or rollback
 * failed) / runs that deployed (promoted, failed, rolled back, rollback failed). Promotion
 * time: the duration of the promoted runs; percentiles by nearest rank.
 */
struct PromotionStats
{
    QString component; //!< empty: every component
    int runs = 0;
    int promoted = 0;
    int blocked = 0;
    int failed = 0;
    int rolledBack = 0;
    int deployed = 0;
    std::optional<qint64> medianMs;
    std::optional<qint64> p90Ms;
    std::optional<double> successRate;  //!< 0..1
    std::optional<double> rollbackRate; //!< 0..1

    QJsonObject toJson() const;

    /*! Overall first, then per component (by name); only reports dated within [from, to]
     *  (invalid: open end). */
    static QList<PromotionStats> compute(const QList<ReportSummary> &reports, const QDate &from = {},
                                         const QDate &to = {});
    static std::optional<qint64> percentile(QList<qint64> values, double p);
};

} // namespace Promotion
