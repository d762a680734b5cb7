// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/healthmonitorconfig.h"

#include "policy/policy.h"

namespace Promotion {

namespace {

QString checkUrl(const QUrl &url, const char *name)
{
    if (url.isEmpty())
        return {};
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty()) {
        return QStringLiteral("%1 \"%2\" is not an http(s) URL")
            .arg(QLatin1String(name), url.toString());
    }
    return {};
}

} // namespace

HealthMonitorConfig HealthMonitorConfig::fromPolicy(const ValidationPolicy &policy)
{
    HealthMonitorConfig c;
    c.healthUrl = QUrl(policy.healthUrl.trimmed());
    c.statusUrl = QUrl(policy.statusUrl.trimmed());
    c.metricsUrl = QUrl(policy.metricsUrl.trimmed());
    c.intervalMs = policy.intervalSeconds * 1000;
    c.windowMs = policy.windowSeconds * 1000;
    c.requestTimeoutMs = policy.requestTimeoutSeconds * 1000;
    c.errorRateMax = policy.errorRateMax;
    c.latencyDegradationMax = policy.latencyDegradationMax;
    c.requestsMetric = policy.requestsMetric;
    c.errorsMetric = policy.errorsMetric;
    c.latencyHistogram = policy.latencyHistogram;
    c.prometheusUrl = QUrl(policy.prometheusUrl.trimmed());
    c.errorRatioQuery = policy.prometheusErrorRatio;
    c.p95SecondsQuery = policy.prometheusP95Seconds;
    return c;
}

QString HealthMonitorConfig::validate() const
{
    for (const QString &e :
         {checkUrl(healthUrl, "health URL"), checkUrl(statusUrl, "status URL"),
          checkUrl(metricsUrl, "metrics URL"), checkUrl(prometheusUrl, "Prometheus URL")}) {
        if (!e.isEmpty())
            return e;
    }
    if (intervalMs <= 0)
        return QStringLiteral("the poll interval must be positive (got %1 ms)").arg(intervalMs);
    if (windowMs < 0)
        return QStringLiteral("the verification window must not be negative (got %1 ms)")
            .arg(windowMs);
    if (requestTimeoutMs <= 0)
        return QStringLiteral("the request timeout must be positive (got %1 ms)")
            .arg(requestTimeoutMs);
    if (errorRateMax < 0)
        return QStringLiteral("the maximum error rate must not be negative (got %1 %)")
            .arg(errorRateMax);
    if (latencyDegradationMax < 0) {
        return QStringLiteral("the maximum latency degradation must not be negative (got %1 %)")
            .arg(latencyDegradationMax);
    }
    if (healthFailuresMax <= 0)
        return QStringLiteral("healthFailuresMax must be at least 1 (got %1)")
            .arg(healthFailuresMax);
    if (usesPrometheus() &&
        (errorRatioQuery.trimmed().isEmpty() || p95SecondsQuery.trimmed().isEmpty()))
        return QStringLiteral(
            "validation.prometheus needs both error_ratio and p95_seconds queries");
    if (!metricsUrl.isEmpty() && requestsMetric.trimmed().isEmpty())
        return QStringLiteral("the requests metric name is empty");
    return {};
}

} // namespace Promotion
