// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstats.h"

#include <algorithm>
#include <cmath>
#include <QMap>

namespace Promotion {

std::optional<qint64> PromotionStats::percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p of the values at or below it.
    const qsizetype rank = qsizetype(std::ceil(p * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

QJsonObject PromotionStats::toJson() const
{
    QJsonObject o{{QStringLiteral("component"), component.isEmpty() ? QJsonValue() : QJsonValue(component)},
                  {QStringLiteral("runs"), runs},
                  {QStringLiteral("promoted"), promoted},
                  {QStringLiteral("blocked"), blocked},
                  {QStringLiteral("failed"), failed},
                  {QStringLiteral("rolled_back"), rolledBack},
                  {QStringLiteral("deployed"), deployed}};
    const auto opt = [&o](const char *key, auto v) {
        o.insert(QLatin1String(key), v ? QJsonValue(double(*v)) : QJsonValue());
    };
    opt("promotion_time_median_ms", medianMs);
    opt("promotion_time_p90_ms", p90Ms);
    opt("success_rate", successRate);
    opt("rollback_rate", rollbackRate);
    return o;
}

QList<PromotionStats> PromotionStats::compute(const QList<ReportSummary> &reports,
                                              const QDate &from, const QDate &to)
{
    QMap<QString, PromotionStats> byComponent;
    PromotionStats all;
    QMap<QString, QList<qint64>> times;
    QList<qint64> allTimes;
    for (const ReportSummary &s : reports) {
        if (!s.readable() || s.dryRun || s.outcome == RunOutcome::Running ||
            s.outcome == RunOutcome::Discarded || s.outcome == RunOutcome::DryRunPassed)
            continue;
        const QDate day = QDate::fromString(s.date, Qt::ISODate);
        if ((from.isValid() && (!day.isValid() || day < from)) ||
            (to.isValid() && (!day.isValid() || day > to)))
            continue;
        PromotionStats &c = byComponent[s.component];
        c.component = s.component;
        for (PromotionStats *st : {&all, &c}) {
            ++st->runs;
            switch (s.outcome) {
            case RunOutcome::Promoted:
                ++st->promoted;
                ++st->deployed;
                break;
            case RunOutcome::Blocked: ++st->blocked; break;
            case RunOutcome::Failed:
                ++st->failed;
                ++st->deployed;
                break;
            case RunOutcome::RolledBack:
            case RunOutcome::RollbackFailed:
                ++st->rolledBack;
                ++st->deployed;
                break;
            default: break;
            }
        }
        if (s.outcome == RunOutcome::Promoted && s.durationMs >= 0) {
            times[s.component].append(s.durationMs);
            allTimes.append(s.durationMs);
        }
    }
    QList<PromotionStats> result{all};
    for (const PromotionStats &c : std::as_const(byComponent))
        result.append(c);
    for (PromotionStats &st : result) {
        const QList<qint64> &t = st.component.isEmpty() ? allTimes : times[st.component];
        st.medianMs = percentile(t, 0.5);
        st.p90Ms = percentile(t, 0.9);
        if (st.runs > 0)
            st.successRate = double(st.promoted) / st.runs;
        if (st.deployed > 0)
            st.rollbackRate = double(st.rolledBack) / st.deployed;
    }
    return result;
}

} // namespace Promotion
