// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

// Value types produced by HealthMonitor (post-promotion validation, seed step 6).

namespace Promotion {

/*!
 * \brief Error rate and p95 latency before the change, the reference for the
 * latency-degradation trigger.
 */
struct HealthBaseline
{
    enum class Source
    {
        Metrics,           //!< two /metrics scrapes, interval apart
        FirstWindowSample, //!< the baseline was unavailable; the window's first p95 stands in
        None               //!< nothing measured yet
    };

    bool available = false;    //!< p95Ms is known
    QString unavailableReason; //!< why not, e.g. "GET http://h/metrics failed: ..."
    Source source = Source::None;
    QDateTime capturedAt; //!< UTC, time of the second scrape
    int intervalMs = 0;   //!< time between the two scrapes
    std::optional<double> errorRatePercent;
    std::optional<double> p95Ms;
    double requests = 0; //!< requests counted between the scrapes
    double errors = 0;
};

/*! \brief One poll of the verification window, for the live charts and the report. */
struct HealthSample
{
    int index = 0;        //!< 0-based; sample 0 is taken when the window starts
    QDateTime timestamp;  //!< UTC
    qint64 elapsedMs = 0; //!< since the window started
    bool healthy = false; //!< health endpoint answered 200 with JSON not reporting failure
                          //!< (true when no health URL is configured)
    int httpStatus = 0;   //!< of the health endpoint; 0: no response
    qint64 healthLatencyMs = -1;
    QString healthError;                    //!< why the sample is not healthy
    std::optional<double> errorRatePercent; //!< errors / requests over the last interval
    std::optional<double> requestRate;      //!< requests per second over the last interval
    std::optional<double> p95Ms;            //!< from histogram bucket deltas
    double requests = 0;                    //!< requests counted over the last interval
    double errors = 0;                      //!< errors counted over the last interval
    bool counterReset = false; //!< a counter went down (restart): its new value was the delta
    QString metricsError; //!< why error rate / p95 are missing (scrape failed, no traffic, ...)
};

/*! \brief A rollback trigger of the seed's failure criteria that fired. */
struct RollbackTrigger
{
    enum class Kind
    {
        ErrorRate,          //!< error rate > errorRateMax (seed: > 1 %)
        LatencyDegradation, //!< p95 > baseline p95 * (1 + max/100) (seed: > 20 %)
        HealthCheck         //!< health failed N consecutive times
    };
    Kind kind = Kind::ErrorRate;
    double measured = 0;  //!< percent, milliseconds, or consecutive failures
    double threshold = 0; //!< same unit as measured
    int sampleIndex = -1;
    QString message; //!< a sentence for the log and report

    /*! "error_rate", "latency_degradation", "health_check" (report and journal keys). */
    static QString kindName(Kind kind);
};

/*! \brief The outcome of one request in an endpoint check. */
struct EndpointProbe
{
    QUrl url;
    bool checked = false; //!< false when no URL was configured
    bool ok = false;      //!< 200 and a JSON body (not reporting failure, for health)
    int httpStatus = 0;
    qint64 latencyMs = -1;
    QString error;
    QString bodyExcerpt; //!< start of the body, for the report
};

/*! \brief The health and component-status endpoints, checked once (seed step 6 curl commands). */
struct EndpointCheck
{
    EndpointProbe health;
    EndpointProbe status;
    QString expectedStage;
    QString reportedStage;    //!< "stage" of the status JSON, empty when absent
    bool stageMatches = true; //!< true when no stage was expected
    bool passed = false;
    QStringList problems; //!< one sentence per failure
};

/*! \brief Everything the verification window produced. */
struct WindowResult
{
    QList<HealthSample> samples;
    HealthBaseline baseline; //!< the one used (possibly the first window sample)
    std::optional<RollbackTrigger> trigger;
    bool passed = false; //!< no trigger fired, not cancelled, no error
    bool cancelled = false;
    QString error;     //!< the window could not be evaluated (e.g. metrics never answered)
    QStringList notes; //!< substitutions and caveats, for the report
    QDateTime startedAt;
    QDateTime finishedAt;
};

} // namespace Promotion

Q_DECLARE_METATYPE(Promotion::HealthBaseline)
Q_DECLARE_METATYPE(Promotion::HealthSample)
Q_DECLARE_METATYPE(Promotion::RollbackTrigger)
Q_DECLARE_METATYPE(Promotion::EndpointCheck)
Q_DECLARE_METATYPE(Promotion::WindowResult)
