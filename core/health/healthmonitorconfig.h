// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Promotion {

struct ValidationPolicy;

/*!
 * \brief What HealthMonitor polls and the limits it enforces; times in milliseconds.
 *
 * URLs are final: placeholders such as {stage} or {component} in the policy
 * are expanded by the caller before they get here.
 */
struct HealthMonitorConfig
{
    QUrl healthUrl;  //!< empty: health is not polled
    QUrl statusUrl;  //!< empty: checkEndpoints() skips it
    QUrl metricsUrl; //!< Prometheus text exposition; empty: no error rate or latency
    int intervalMs = 60000;
    int windowMs = 300000;
    int requestTimeoutMs = 10000;
    double errorRateMax = 1.0;           //!< percent
    double latencyDegradationMax = 20.0; //!< percent above baseline p95
    int healthFailuresMax = 3;           //!< consecutive failed health polls that trigger
    QString requestsMetric = QStringLiteral("http_requests_total");
    QString errorsMetric = QStringLiteral("http_request_errors_total");
    QString latencyHistogram = QStringLiteral("http_request_duration_seconds");
    /*! A Prometheus server: when set, error rate and p95 come from its HTTP API
     *  (/api/v1/query, PromQL below) instead of scraping metricsUrl. */
    QUrl prometheusUrl;
    QString errorRatioQuery; //!< PromQL giving errors/requests as a ratio (0..1)
    QString p95SecondsQuery; //!< PromQL giving the p95 latency in seconds
    bool usesPrometheus() const { return !prometheusUrl.isEmpty(); }
    qint64 maxMetricsBytes = 32 * 1024 * 1024;
    qint64 maxHealthBytes = 256 * 1024;

    /*! The policy's validation settings, seconds converted; URLs taken as written. */
    static HealthMonitorConfig fromPolicy(const ValidationPolicy &policy);

    /*! Empty when usable, else a sentence naming the bad setting. */
    QString validate() const;
};

} // namespace Promotion
