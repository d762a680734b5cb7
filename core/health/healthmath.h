// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "health/healthresults.h"
#include "health/prometheustextparser.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Promotion {

struct HealthMonitorConfig;

/*!
 * \brief The arithmetic of post-promotion validation, free of timers and
 * sockets so it can be table-tested: counter deltas across restarts, error
 * rate, p95 from histogram bucket deltas, health verdicts and the seed's
 * rollback triggers.
 */
class HealthMath final
{
public:
    /*! What one /metrics scrape says about the configured metrics. */
    struct Snapshot
    {
        qint64 atMs = 0;                //!< monotonic time of the scrape
        std::optional<double> requests; //!< sum over series; nothing when the metric is absent
        std::optional<double> errors;   //!< sum over series; nothing when absent
        QList<HistogramBucket>
            latency; //!< cumulative buckets summed over series; empty when absent
        double latencyScaleToMs = 1000; //!< see latencyScaleToMs()
    };

    /*! The change between two snapshots. */
    struct Interval
    {
        double seconds = 0;
        double requests = 0;
        double errors = 0;
        std::optional<double> errorRatePercent; //!< nothing without requests
        std::optional<double> requestRate;      //!< per second; nothing for a zero-length interval
        std::optional<double> p95Ms;            //!< nothing without observations
        bool counterReset = false;
        QStringList problems; //!< why a value is missing, e.g. "no requests in this interval"
    };

    struct Thresholds
    {
        double errorRateMax = 1.0;           //!< percent
        double latencyDegradationMax = 20.0; //!< percent above baseline p95
        int healthFailuresMax = 3;
    };

    /*!
     * Parse one exposition into a snapshot of the configured metric names;
     * the error names the line when the exposition is malformed.
     */
    static ParseResult<Snapshot> snapshot(const QByteArray &exposition,
                                          const HealthMonitorConfig &config, qint64 atMs);

    /*!
     * Increase of a counter from \a previous to \a current. A decrease means
     * the process restarted and the counter began again at 0, so the new value
     * is the increase (PromQL's increase() does the same); \a reset is set then.
     */
    static double counterDelta(double previous, double current, bool *reset = nullptr);

    /*! errors / requests in percent; nothing when there were no requests. */
    static std::optional<double> errorRatePercent(double requests, double errors);

    /*!
     * Milliseconds per unit of histogram \a name: Prometheus names carry the
     * unit, and the convention is seconds. "_milliseconds"/"_ms" give 1,
     * "_microseconds" 0.001, anything else (including "_seconds") 1000.
     */
    static double latencyScaleToMs(const QString &name);

    /*! Everything that changed between two scrapes. */
    static Interval interval(const Snapshot &previous, const Snapshot &current);

    /*! The p95 that counts as degraded: baseline * (1 + max/100). */
    static double latencyThresholdMs(double baselineP95Ms, double latencyDegradationMax);

    /*!
     * Why the health response of \a url is unhealthy, or empty when it is
     * healthy: HTTP 200, a JSON body, no "status" field saying fail, failed,
     * failure, down, unhealthy, error or critical, and no "healthy": false.
     * The sentence names the URL ("GET http://h/health returned 503").
     */
    static QString healthProblem(const QUrl &url, int httpStatus, const QByteArray &body);

    /*!
     * The first rollback trigger \a sample fires, checked in this order:
     * error rate above the maximum (strictly), p95 above the degraded
     * baseline (strictly; only with a positive baseline), then
     * \a consecutiveHealthFailures reaching the maximum. Nothing when the
     * sample is fine.
     */
    static std::optional<RollbackTrigger> evaluate(const HealthSample &sample,
                                                   const Thresholds &thresholds,
                                                   std::optional<double> baselineP95Ms,
                                                   int consecutiveHealthFailures);
};

} // namespace Promotion
