// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/healthmath.h"

#include "health/healthmonitorconfig.h"

#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>

namespace Promotion {

namespace {

std::optional<double> finite(const std::optional<double> &v)
{
    if (v && std::isfinite(*v))
        return v;
    return std::nullopt;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

} // namespace

ParseResult<HealthMath::Snapshot>
HealthMath::snapshot(const QByteArray &exposition, const HealthMonitorConfig &config, qint64 atMs)
{
    const ParseResult<PrometheusScrape> scrape = PrometheusTextParser::parse(exposition);
    if (!scrape)
        return ParseResult<Snapshot>::failure(scrape.error);
    Snapshot s;
    s.atMs = atMs;
    // A NaN counter says nothing; treat it like an absent one.
    s.requests = finite(scrape->sum(config.requestsMetric));
    if (!config.errorsMetric.isEmpty())
        s.errors = finite(scrape->sum(config.errorsMetric));
    if (!config.latencyHistogram.isEmpty())
        s.latency = scrape->histogramBuckets(config.latencyHistogram);
    s.latencyScaleToMs = latencyScaleToMs(config.latencyHistogram);
    return ParseResult<Snapshot>::success(std::move(s));
}

double HealthMath::counterDelta(double previous, double current, bool *reset)
{
    const bool restarted = current < previous;
    if (reset)
        *reset = restarted;
    return restarted ? current : current - previous;
}

std::optional<double> HealthMath::errorRatePercent(double requests, double errors)
{
    if (!(requests > 0))
        return std::nullopt;
    return 100.0 * errors / requests;
}

double HealthMath::latencyScaleToMs(const QString &name)
{
    QString base = name;
    if (base.endsWith(QLatin1String("_bucket")))
        base.chop(7);
    if (base.endsWith(QLatin1String("_milliseconds")) || base.endsWith(QLatin1String("_ms")))
        return 1;
    if (base.endsWith(QLatin1String("_microseconds")) || base.endsWith(QLatin1String("_us")))
        return 0.001;
    return 1000;
}

HealthMath::Interval HealthMath::interval(const Snapshot &previous, const Snapshot &current)
{
    Interval out;
    out.seconds = (current.atMs - previous.atMs) / 1000.0;

    bool reset = false;
    if (!current.requests) {
        out.problems << QStringLiteral("the requests metric is absent from the scrape");
    } else {
        // A counter that was absent before started at 0 (a restart, or its first request).
        out.requests = counterDelta(previous.requests.value_or(0), *current.requests, &reset);
        out.counterReset = out.counterReset || reset;
        if (current.errors) {
            out.errors = counterDelta(previous.errors.value_or(0), *current.errors, &reset);
            out.counterReset = out.counterReset || reset;
        }
        // An errors counter with labels has no series until its first error, so
        // an absent one means no errors rather than an unknown rate.
        out.errorRatePercent = errorRatePercent(out.requests, out.errors);
        if (!out.errorRatePercent)
            out.problems << QStringLiteral("no requests in this interval");
        if (out.seconds > 0)
            out.requestRate = out.requests / out.seconds;
    }

    if (current.latency.isEmpty()) {
        out.problems << QStringLiteral("the latency histogram is absent from the scrape");
    } else {
        const double q = PrometheusTextParser::quantileFromDeltas(0.95, previous.latency,
                                                                  current.latency, &reset);
        out.counterReset = out.counterReset || reset;
        if (std::isfinite(q))
            out.p95Ms = q * current.latencyScaleToMs;
        else
            out.problems << QStringLiteral("no latency observations in this interval");
    }
    return out;
}

double HealthMath::latencyThresholdMs(double baselineP95Ms, double latencyDegradationMax)
{
    return baselineP95Ms * (1.0 + latencyDegradationMax / 100.0);
}

QString HealthMath::healthProblem(const QUrl &url, int httpStatus, const QByteArray &body)
{
    const QString target = QStringLiteral("GET ") + url.toDisplayString();
    if (httpStatus != 200)
        return QStringLiteral("%1 returned %2").arg(target).arg(httpStatus);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return QStringLiteral("%1: the body is not JSON (offset %2: %3)")
            .arg(target)
            .arg(error.offset)
            .arg(error.errorString());
    }
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QString status = o.value(QStringLiteral("status")).toString().toLower();
        static const QStringList failing = {QStringLiteral("fail"),      QStringLiteral("failed"),
                                            QStringLiteral("failure"),   QStringLiteral("down"),
                                            QStringLiteral("unhealthy"), QStringLiteral("error"),
                                            QStringLiteral("critical")};
        if (failing.contains(status)) {
            return QStringLiteral("%1 reports status \"%2\"")
                .arg(target, o.value(QStringLiteral("status")).toString());
        }
        if (o.value(QStringLiteral("healthy")) == QJsonValue(false))
            return QStringLiteral("%1 reports \"healthy\": false").arg(target);
    }
    return {};
}

std::optional<RollbackTrigger> HealthMath::evaluate(const HealthSample &sample,
                                                    const Thresholds &thresholds,
                                                    std::optional<double> baselineP95Ms,
                                                    int consecutiveHealthFailures)
{
    if (sample.errorRatePercent && *sample.errorRatePercent > thresholds.errorRateMax) {
        RollbackTrigger t;
        t.kind = RollbackTrigger::Kind::ErrorRate;
        t.measured = *sample.errorRatePercent;
        t.threshold = thresholds.errorRateMax;
        t.sampleIndex = sample.index;
        t.message = QStringLiteral("error rate %1 % (%2 of %3 requests in the last interval) "
                                   "is above the %4 % maximum")
                        .arg(QString::number(t.measured, 'f', 2))
                        .arg(sample.errors, 0, 'f', 0)
                        .arg(sample.requests, 0, 'f', 0)
                        .arg(t.threshold);
        return t;
    }
    if (baselineP95Ms && *baselineP95Ms > 0 && sample.p95Ms) {
        const double limit = latencyThresholdMs(*baselineP95Ms, thresholds.latencyDegradationMax);
        if (*sample.p95Ms > limit) {
            RollbackTrigger t;
            t.kind = RollbackTrigger::Kind::LatencyDegradation;
            t.measured = *sample.p95Ms;
            t.threshold = limit;
            t.sampleIndex = sample.index;
            t.message =
                QStringLiteral("p95 latency %1 ms is %2 % above the baseline %3 ms "
                               "(maximum +%4 %, i.e. %5 ms)")
                    .arg(ms(t.measured),
                         QString::number(100.0 * (t.measured / *baselineP95Ms - 1.0), 'f', 1),
                         ms(*baselineP95Ms))
                    .arg(thresholds.latencyDegradationMax)
                    .arg(ms(limit));
            return t;
        }
    }
    if (consecutiveHealthFailures >= thresholds.healthFailuresMax &&
        consecutiveHealthFailures > 0) {
        RollbackTrigger t;
        t.kind = RollbackTrigger::Kind::HealthCheck;
        t.measured = consecutiveHealthFailures;
        t.threshold = thresholds.healthFailuresMax;
        t.sampleIndex = sample.index;
        t.message =
            QStringLiteral("health check failed %1 consecutive times (last: %2)")
                .arg(consecutiveHealthFailures)
                .arg(sample.healthError.isEmpty() ? QStringLiteral("unknown") : sample.healthError);
        return t;
    }
    return std::nullopt;
}

} // namespace Promotion
