// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "health/healthmath.h"
#include "health/healthmonitorconfig.h"
#include "health/healthresults.h"
#include "health/httpprobe.h"

#include <functional>
#include <optional>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Promotion {

/*!
 * \brief Post-promotion validation (seed step 6): checks the health and
 * component-status endpoints, measures a baseline from /metrics, then polls
 * health and metrics over a verification window and fires the seed's
 * rollback triggers.
 *
 * Everything is asynchronous (QNetworkAccessManager and QTimer); each
 * started operation ends with exactly one signal, never emitted from inside
 * the call that started it:
 * - captureBaseline() -> baselineCaptured(): scrapes /metrics twice,
 *   intervalMs apart, and takes error rate and p95 from the deltas; when that
 *   is impossible (endpoint down, no traffic) the baseline is unavailable and
 *   says why.
 * - checkEndpoints() -> endpointsChecked(): one GET of the health and status
 *   URLs; each must answer 200 with JSON, and the status JSON's "stage" must
 *   equal the expected stage when one is given.
 * - startWindow() -> sampleTaken() per poll, triggerFired() at most once,
 *   then windowFinished(). Polls run at 0, interval, 2*interval, ... up to
 *   windowMs, so a full window has floor(window/interval)+1 samples; polls
 *   never overlap (one that outlasts its interval delays the next). Each
 *   poll GETs health and metrics in
 *   parallel; rates and p95 compare with the previous successful scrape, so
 *   sample 0 has none. Triggers: error rate > errorRateMax, p95 > baseline p95
 *   * (1 + latencyDegradationMax/100), or healthFailuresMax consecutive failed
 *   health polls. Without an available baseline, the first sample with a p95
 *   becomes the baseline (WindowResult::notes says so). The window fails
 *   (passed false, error set) when a metrics URL is configured but no scrape
 *   succeeded.
 *
 * Counter resets (a restart during the window) are handled: a counter that
 * went down counts from 0, and the sample is flagged counterReset.
 */
class HealthMonitor final : public QObject
{
    Q_OBJECT
public:
    /*! \a manager is used for all requests; when null the monitor creates its own. */
    explicit HealthMonitor(QNetworkAccessManager *manager = nullptr, QObject *parent = nullptr);
    ~HealthMonitor() override;

    void setConfig(const HealthMonitorConfig &config) { m_config = config; }
    const HealthMonitorConfig &config() const { return m_config; }

    /*! False (and no signal) when a capture is already running. */
    bool captureBaseline();
    /*! False (and no signal) when a check is already running. */
    bool checkEndpoints(const QString &expectedStage = QString());
    /*! Starts the window with the last captured baseline (unavailable if none was captured). */
    bool startWindow();
    /*! Starts the window against \a baseline (e.g. one restored from the journal). False when
     * running. */
    bool startWindow(const HealthBaseline &baseline);
    /*!
     * Stops whatever runs: the window finishes with cancelled set, a baseline
     * capture reports "cancelled" as unavailable reason, an endpoint check
     * reports a "cancelled" problem.
     */
    void cancel();

    bool isWindowRunning() const { return m_window.running; }
    bool isCapturingBaseline() const { return m_baselineRun.running; }
    bool isCheckingEndpoints() const { return m_endpoints.running; }
    /*! The last baseline captured (source None before the first capture). */
    HealthBaseline lastBaseline() const { return m_lastBaseline; }

Q_SIGNALS:
    void baselineCaptured(const Promotion::HealthBaseline &baseline);
    void endpointsChecked(const Promotion::EndpointCheck &check);
    void sampleTaken(const Promotion::HealthSample &sample);
    void triggerFired(const Promotion::RollbackTrigger &trigger);
    void windowFinished(const Promotion::WindowResult &result);
    /*! A line for the run log (baseline values, substitutions, triggers, failures). */
    void logMessage(const QString &message);

private:
    struct BaselineRun
    {
        bool running = false;
        quint64 generation = 0;
        std::optional<HealthMath::Snapshot> first;
        QPointer<QNetworkReply> reply;
        QElapsedTimer clock;
    };

    struct EndpointRun
    {
        bool running = false;
        quint64 generation = 0;
        int pending = 0;
        EndpointCheck check;
        QPointer<QNetworkReply> healthReply;
        QPointer<QNetworkReply> statusReply;
    };

    /*! The two PromQL answers of one poll (Prometheus mode). */
    struct PromAnswers
    {
        std::optional<double> errorRatio;
        std::optional<double> p95Seconds;
        QStringList errors;
    };

    struct WindowRun
    {
        bool running = false;
        quint64 generation = 0;
        WindowResult result;
        QElapsedTimer clock;
        int slot = 0;        //!< poll in flight: due at slot * intervalMs
        int pending = 0;     //!< replies the current poll still waits for
        HealthSample sample; //!< the poll being assembled
        std::optional<HttpProbeResult> health;
        std::optional<HttpProbeResult> metrics;
        PromAnswers prom;
        QPointer<QNetworkReply> errorQueryReply;
        QPointer<QNetworkReply> p95QueryReply;
        qint64 metricsScrapeAtMs = 0; //!< when the current scrape started, on clock
        std::optional<HealthMath::Snapshot> previous;
        QPointer<QNetworkReply> healthReply;
        QPointer<QNetworkReply> metricsReply;
        int consecutiveHealthFailures = 0;
        bool latencyNoteGiven = false;
        int healthFailures = 0;
        int metricsAnswers = 0;
        int samplesWithRates = 0;
        QString lastMetricsError;
    };

    HttpProbe::Options options(qint64 maxBody) const;
    void scrapeForBaseline();
    /*! Prometheus mode: both queries, then \a done with their answers. */
    void queryPrometheus(std::function<bool()> current,
                         std::function<void(const PromAnswers &)> done,
                         QPointer<QNetworkReply> *errorReply, QPointer<QNetworkReply> *p95Reply);
    void finishBaseline(HealthBaseline baseline);
    void finishEndpoints();
    void poll();
    void completePoll();
    void finishWindow();

    QNetworkAccessManager *m_manager = nullptr;
    HealthMonitorConfig m_config;
    HealthBaseline m_lastBaseline;
    BaselineRun m_baselineRun;
    EndpointRun m_endpoints;
    WindowRun m_window;
    QTimer m_baselineTimer;
    QTimer m_pollTimer;
};

} // namespace Promotion
