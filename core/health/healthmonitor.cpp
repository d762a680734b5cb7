// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/healthmonitor.h"

#include "health/datasourcereader.h"

#include <memory>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Promotion {

namespace {

QString fmt(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

QString describeFailure(const HttpProbeResult &r)
{
    QString text = r.describe();
    if (r.responded() && !r.ok()) {
        const QString excerpt = HttpProbe::bodyExcerpt(r.body, 120);
        if (!excerpt.isEmpty())
            text += QStringLiteral(": ") + excerpt;
    }
    return text;
}

} // namespace

HealthMonitor::HealthMonitor(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager ? manager : new QNetworkAccessManager(this))
{
    qRegisterMetaType<Promotion::HealthBaseline>();
    qRegisterMetaType<Promotion::HealthSample>();
    qRegisterMetaType<Promotion::RollbackTrigger>();
    qRegisterMetaType<Promotion::EndpointCheck>();
    qRegisterMetaType<Promotion::WindowResult>();

    m_baselineTimer.setSingleShot(true);
    connect(&m_baselineTimer, &QTimer::timeout, this, &HealthMonitor::scrapeForBaseline);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &HealthMonitor::poll);
}

HealthMonitor::~HealthMonitor()
{
    // Replies still in flight finish on their own; their callbacks are tied
    // to this object and are dropped with it.
    m_baselineTimer.stop();
    m_pollTimer.stop();
}

HttpProbe::Options HealthMonitor::options(qint64 maxBody) const
{
    HttpProbe::Options o;
    o.timeoutMs = m_config.requestTimeoutMs;
    o.maxBodyBytes = maxBody;
    return o;
}

// --- baseline ---------------------------------------------------------------

bool HealthMonitor::captureBaseline()
{
    if (m_baselineRun.running)
        return false;
    m_baselineRun.running = true;
    m_baselineRun.first.reset();
    const quint64 generation = ++m_baselineRun.generation;

    QString problem = m_config.validate();
    if (problem.isEmpty() && m_config.metricsUrl.isEmpty() && !m_config.usesPrometheus())
        problem = QStringLiteral("no metrics URL is configured");
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, generation, problem] {
            if (generation != m_baselineRun.generation || !m_baselineRun.running)
                return;
            HealthBaseline b;
            b.unavailableReason = problem;
            finishBaseline(b);
        });
        return true;
    }
    m_baselineRun.clock.start();
    // Asynchronous even for the first scrape, so no signal comes from inside this call.
    m_baselineTimer.start(0);
    return true;
}

void HealthMonitor::queryPrometheus(std::function<bool()> current,
                                    std::function<void(const PromAnswers &)> done,
                                    QPointer<QNetworkReply> *errorReply,
                                    QPointer<QNetworkReply> *p95Reply)
{
    auto answers = std::make_shared<PromAnswers>();
    auto pending = std::make_shared<int>(2);
    auto ask = [&](const QString &query, bool isError) {
        const QUrl url =
            DataSourceReader::prometheusQueryUrl(m_config.prometheusUrl.toString(), query);
        return HttpProbe::get(
            m_manager, url, options(m_config.maxMetricsBytes), this,
            [current, done, answers, pending, query, isError](const HttpProbeResult &r) {
                if (r.cancelled || !current())
                    return;
                const DataSourceResult v =
                    r.responded() ? DataSourceReader::valueFromPrometheus(
                                        r.body, r.httpStatus,
                                        QStringLiteral("GET ") + r.url.toDisplayString(), query)
                                  : DataSourceResult{};
                if (!r.responded())
                    answers->errors
                        << QStringLiteral("Prometheus query \"%1\": %2").arg(query, r.describe());
                else if (!v.ok)
                    answers->errors << v.error;
                else if (isError)
                    answers->errorRatio = v.value;
                else
                    answers->p95Seconds = v.value;
                if (--*pending == 0)
                    done(*answers);
            });
    };
    *errorReply = ask(m_config.errorRatioQuery, true);
    *p95Reply = ask(m_config.p95SecondsQuery, false);
}

void HealthMonitor::scrapeForBaseline()
{
    if (!m_baselineRun.running)
        return;
    const quint64 generation = m_baselineRun.generation;
    if (m_config.usesPrometheus()) {
        QPointer<QNetworkReply> p95Reply;
        queryPrometheus(
            [this, generation] {
                return generation == m_baselineRun.generation && m_baselineRun.running;
            },
            [this](const PromAnswers &a) {
                m_baselineRun.reply = nullptr;
                HealthBaseline b;
                b.source = HealthBaseline::Source::Metrics;
                b.capturedAt = QDateTime::currentDateTimeUtc();
                if (a.errorRatio)
                    b.errorRatePercent = *a.errorRatio * 100;
                if (a.p95Seconds)
                    b.p95Ms = *a.p95Seconds * 1000;
                b.available = b.p95Ms.has_value();
                if (!b.available)
                    b.unavailableReason = a.errors.join(QStringLiteral("; "));
                finishBaseline(b);
            },
            &m_baselineRun.reply, &p95Reply);
        return;
    }
    m_baselineRun.reply = HttpProbe::get(
        m_manager, m_config.metricsUrl, options(m_config.maxMetricsBytes), this,
        [this, generation](const HttpProbeResult &r) {
            if (generation != m_baselineRun.generation || r.cancelled)
                return;
            m_baselineRun.reply = nullptr;
            HealthBaseline b;
            if (!r.ok()) {
                b.unavailableReason = describeFailure(r);
                finishBaseline(b);
                return;
            }
            if (r.bodyTruncated) {
                b.unavailableReason = QStringLiteral("%1: the exposition is larger than %2 bytes")
                                          .arg(r.describe())
                                          .arg(m_config.maxMetricsBytes);
                finishBaseline(b);
                return;
            }
            const ParseResult<HealthMath::Snapshot> snap =
                HealthMath::snapshot(r.body, m_config, m_baselineRun.clock.elapsed());
            if (!snap) {
                b.unavailableReason =
                    QStringLiteral("%1: %2").arg(m_config.metricsUrl.toDisplayString(), snap.error);
                finishBaseline(b);
                return;
            }
            if (!m_baselineRun.first) {
                m_baselineRun.first = *snap;
                m_baselineTimer.start(m_config.intervalMs);
                return;
            }
            const HealthMath::Interval iv = HealthMath::interval(*m_baselineRun.first, *snap);
            b.source = HealthBaseline::Source::Metrics;
            b.capturedAt = QDateTime::currentDateTimeUtc();
            b.intervalMs = int(snap->atMs - m_baselineRun.first->atMs);
            b.requests = iv.requests;
            b.errors = iv.errors;
            b.errorRatePercent = iv.errorRatePercent;
            b.p95Ms = iv.p95Ms;
            b.available = iv.p95Ms.has_value();
            if (!b.available) {
                b.unavailableReason = QStringLiteral("no p95 latency between two scrapes of %1: %2")
                                          .arg(m_config.metricsUrl.toDisplayString(),
                                               iv.problems.join(QStringLiteral("; ")));
            }
            finishBaseline(b);
        });
}

void HealthMonitor::finishBaseline(HealthBaseline baseline)
{
    m_baselineTimer.stop();
    m_baselineRun.running = false;
    m_baselineRun.reply = nullptr;
    m_baselineRun.first.reset();
    m_lastBaseline = baseline;
    if (baseline.available) {
        Q_EMIT logMessage(
            QStringLiteral("Baseline: p95 %1 ms, error rate %2 over %3 requests in %4 s")
                .arg(fmt(*baseline.p95Ms),
                     baseline.errorRatePercent
                         ? fmt(*baseline.errorRatePercent) + QStringLiteral(" %")
                         : QStringLiteral("unknown"))
                .arg(baseline.requests, 0, 'f', 0)
                .arg(baseline.intervalMs / 1000.0, 0, 'f', 1));
    } else {
        Q_EMIT logMessage(QStringLiteral("Baseline unavailable: ") + baseline.unavailableReason);
    }
    Q_EMIT baselineCaptured(baseline);
}

// --- endpoints ---------------------------------------------------------------

bool HealthMonitor::checkEndpoints(const QString &expectedStage)
{
    if (m_endpoints.running)
        return false;
    m_endpoints.running = true;
    m_endpoints.check = EndpointCheck();
    m_endpoints.check.expectedStage = expectedStage;
    m_endpoints.check.health.url = m_config.healthUrl;
    m_endpoints.check.status.url = m_config.statusUrl;
    m_endpoints.pending = 0;
    const quint64 generation = ++m_endpoints.generation;

    QString problem = m_config.validate();
    if (problem.isEmpty() && m_config.healthUrl.isEmpty() && m_config.statusUrl.isEmpty())
        problem = QStringLiteral("neither a health URL nor a status URL is configured");
    if (!problem.isEmpty()) {
        m_endpoints.check.problems << problem;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_endpoints.generation && m_endpoints.running)
                finishEndpoints();
        });
        return true;
    }

    auto record = [](EndpointProbe &probe, const HttpProbeResult &r) {
        probe.checked = true;
        probe.httpStatus = r.httpStatus;
        probe.latencyMs = r.latencyMs;
        probe.bodyExcerpt = HttpProbe::bodyExcerpt(r.body);
    };

    if (!m_config.healthUrl.isEmpty()) {
        ++m_endpoints.pending;
        m_endpoints.healthReply = HttpProbe::get(
            m_manager, m_config.healthUrl, options(m_config.maxHealthBytes), this,
            [this, generation, record](const HttpProbeResult &r) {
                if (generation != m_endpoints.generation || r.cancelled)
                    return;
                EndpointProbe &p = m_endpoints.check.health;
                record(p, r);
                p.error = r.responded() ? HealthMath::healthProblem(r.url, r.httpStatus, r.body)
                                        : r.describe();
                p.ok = p.error.isEmpty();
                if (--m_endpoints.pending == 0)
                    finishEndpoints();
            });
    }
    if (!m_config.statusUrl.isEmpty()) {
        ++m_endpoints.pending;
        m_endpoints.statusReply = HttpProbe::get(
            m_manager, m_config.statusUrl, options(m_config.maxHealthBytes), this,
            [this, generation, record](const HttpProbeResult &r) {
                if (generation != m_endpoints.generation || r.cancelled)
                    return;
                EndpointRun &run = m_endpoints;
                EndpointProbe &p = run.check.status;
                record(p, r);
                if (!r.ok()) {
                    p.error = describeFailure(r);
                } else {
                    QJsonParseError error;
                    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
                    if (error.error != QJsonParseError::NoError) {
                        p.error = QStringLiteral("GET %1: the body is not JSON (offset %2: %3)")
                                      .arg(r.url.toDisplayString())
                                      .arg(error.offset)
                                      .arg(error.errorString());
                    } else if (!doc.isObject()) {
                        p.error = QStringLiteral("GET %1: the body is not a JSON object")
                                      .arg(r.url.toDisplayString());
                    } else {
                        const QJsonValue stage = doc.object().value(QStringLiteral("stage"));
                        run.check.reportedStage = stage.isString() ? stage.toString() : QString();
                        if (!run.check.expectedStage.isEmpty()) {
                            if (!stage.isString()) {
                                p.error =
                                    QStringLiteral("GET %1: the status has no \"stage\" string "
                                                   "(expected \"%2\")")
                                        .arg(r.url.toDisplayString(), run.check.expectedStage);
                            } else if (stage.toString().compare(run.check.expectedStage,
                                                                Qt::CaseInsensitive) != 0) {
                                p.error = QStringLiteral("GET %1: stage is \"%2\", expected \"%3\"")
                                              .arg(r.url.toDisplayString(), stage.toString(),
                                                   run.check.expectedStage);
                            }
                        }
                    }
                }
                p.ok = p.error.isEmpty();
                if (--m_endpoints.pending == 0)
                    finishEndpoints();
            });
    }
    return true;
}

void HealthMonitor::finishEndpoints()
{
    EndpointCheck check = m_endpoints.check;
    m_endpoints.running = false;
    m_endpoints.healthReply = nullptr;
    m_endpoints.statusReply = nullptr;
    if (check.health.checked && !check.health.ok)
        check.problems << check.health.error;
    if (check.status.checked && !check.status.ok)
        check.problems << check.status.error;
    check.stageMatches = check.expectedStage.isEmpty() ||
                         check.reportedStage.compare(check.expectedStage, Qt::CaseInsensitive) == 0;
    check.passed = check.problems.isEmpty();
    for (const QString &p : std::as_const(check.problems))
        Q_EMIT logMessage(QStringLiteral("Endpoint check: ") + p);
    if (check.passed)
        Q_EMIT logMessage(QStringLiteral("Endpoint check passed"));
    Q_EMIT endpointsChecked(check);
}

// --- window ------------------------------------------------------------------

bool HealthMonitor::startWindow()
{
    HealthBaseline baseline = m_lastBaseline;
    if (baseline.source == HealthBaseline::Source::None && baseline.unavailableReason.isEmpty())
        baseline.unavailableReason = QStringLiteral("no baseline was captured");
    return startWindow(baseline);
}

bool HealthMonitor::startWindow(const HealthBaseline &baseline)
{
    if (m_window.running)
        return false;
    const quint64 generation = m_window.generation + 1;
    m_window = WindowRun();
    m_window.generation = generation;
    m_window.running = true;
    m_window.result.baseline = baseline;
    m_window.result.startedAt = QDateTime::currentDateTimeUtc();

    QString problem = m_config.validate();
    if (problem.isEmpty() && m_config.healthUrl.isEmpty() && m_config.metricsUrl.isEmpty())
        problem = QStringLiteral("neither a health URL nor a metrics URL is configured");
    if (!problem.isEmpty()) {
        m_window.result.error = problem;
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_window.generation && m_window.running)
                finishWindow();
        });
        return true;
    }
    if (m_config.healthUrl.isEmpty())
        m_window.result.notes << QStringLiteral(
            "no health URL is configured: health was not polled");
    if (m_config.metricsUrl.isEmpty()) {
        m_window.result.notes << QStringLiteral(
            "no metrics URL is configured: error rate and latency "
            "were not measured");
    }
    Q_EMIT logMessage(QStringLiteral("Verification window started: %1 s, a poll every %2 s")
                          .arg(m_config.windowMs / 1000.0)
                          .arg(m_config.intervalMs / 1000.0));
    m_window.clock.start();
    m_pollTimer.start(0);
    return true;
}

void HealthMonitor::poll()
{
    if (!m_window.running)
        return;
    WindowRun &w = m_window;
    w.sample = HealthSample();
    w.sample.index = int(w.result.samples.size());
    w.sample.timestamp = QDateTime::currentDateTimeUtc();
    w.sample.elapsedMs = w.clock.elapsed();
    w.health.reset();
    w.metrics.reset();
    w.pending = 0;
    const quint64 generation = w.generation;

    if (!m_config.healthUrl.isEmpty()) {
        ++w.pending;
        w.healthReply =
            HttpProbe::get(m_manager, m_config.healthUrl, options(m_config.maxHealthBytes), this,
                           [this, generation](const HttpProbeResult &r) {
                               if (generation != m_window.generation || r.cancelled)
                                   return;
                               m_window.health = r;
                               if (--m_window.pending == 0)
                                   completePoll();
                           });
    }
    w.prom = PromAnswers{};
    if (m_config.usesPrometheus()) {
        ++w.pending;
        queryPrometheus([this, generation] { return generation == m_window.generation; },
                        [this](const PromAnswers &a) {
                            m_window.prom = a;
                            if (--m_window.pending == 0)
                                completePoll();
                        },
                        &w.errorQueryReply, &w.p95QueryReply);
    } else if (!m_config.metricsUrl.isEmpty()) {
        ++w.pending;
        const qint64 scrapeAt = w.clock.elapsed();
        w.metricsReply =
            HttpProbe::get(m_manager, m_config.metricsUrl, options(m_config.maxMetricsBytes), this,
                           [this, generation, scrapeAt](const HttpProbeResult &r) {
                               if (generation != m_window.generation || r.cancelled)
                                   return;
                               m_window.metrics = r;
                               // Deltas are over the time between scrape starts.
                               m_window.metricsScrapeAtMs = scrapeAt;
                               if (--m_window.pending == 0)
                                   completePoll();
                           });
    }
}

void HealthMonitor::completePoll()
{
    WindowRun &w = m_window;
    HealthSample &s = w.sample;
    w.healthReply = nullptr;
    w.metricsReply = nullptr;

    // Health.
    if (w.health) {
        const HttpProbeResult &r = *w.health;
        s.httpStatus = r.httpStatus;
        s.healthLatencyMs = r.responded() ? r.latencyMs : -1;
        s.healthError =
            r.responded() ? HealthMath::healthProblem(r.url, r.httpStatus, r.body) : r.describe();
        s.healthy = s.healthError.isEmpty();
    } else {
        s.healthy = true; // nothing to check
    }
    if (s.healthy) {
        w.consecutiveHealthFailures = 0;
    } else {
        ++w.consecutiveHealthFailures;
        ++w.healthFailures;
    }

    // Metrics from Prometheus: each poll's answers are already rates.
    if (m_config.usesPrometheus()) {
        const PromAnswers &a = w.prom;
        if (a.errorRatio)
            s.errorRatePercent = *a.errorRatio * 100;
        if (a.p95Seconds)
            s.p95Ms = *a.p95Seconds * 1000;
        if (!a.errors.isEmpty()) {
            s.metricsError = a.errors.join(QStringLiteral("; "));
            w.lastMetricsError = s.metricsError;
        }
        if (a.errorRatio && a.p95Seconds) {
            ++w.metricsAnswers;
            ++w.samplesWithRates;
        }
    }
    // Metrics.
    if (w.metrics) {
        const HttpProbeResult &r = *w.metrics;
        QString scrapeFailure;
        std::optional<HealthMath::Snapshot> snap;
        if (!r.ok()) {
            scrapeFailure = describeFailure(r);
        } else if (r.bodyTruncated) {
            scrapeFailure = QStringLiteral("%1: the exposition is larger than %2 bytes")
                                .arg(r.describe())
                                .arg(m_config.maxMetricsBytes);
        } else {
            ParseResult<HealthMath::Snapshot> parsed =
                HealthMath::snapshot(r.body, m_config, w.metricsScrapeAtMs);
            if (parsed)
                snap = std::move(*parsed);
            else
                scrapeFailure = QStringLiteral("%1: %2").arg(m_config.metricsUrl.toDisplayString(),
                                                             parsed.error);
        }
        if (!scrapeFailure.isEmpty()) {
            // The previous good scrape stays the reference: the next delta spans both intervals.
            s.metricsError = scrapeFailure;
            w.lastMetricsError = scrapeFailure;
        } else {
            ++w.metricsAnswers;
            if (w.previous) {
                const HealthMath::Interval iv = HealthMath::interval(*w.previous, *snap);
                s.requests = iv.requests;
                s.errors = iv.errors;
                s.errorRatePercent = iv.errorRatePercent;
                s.requestRate = iv.requestRate;
                s.p95Ms = iv.p95Ms;
                s.counterReset = iv.counterReset;
                s.metricsError = iv.problems.join(QStringLiteral("; "));
                if (iv.errorRatePercent || iv.p95Ms)
                    ++w.samplesWithRates;
                if (iv.counterReset) {
                    Q_EMIT logMessage(QStringLiteral("Sample %1: a counter went down (restart?); "
                                                     "its new value was taken as the increase")
                                          .arg(s.index));
                }
            } else {
                s.metricsError = QStringLiteral("first scrape: rates need a previous scrape");
            }
            w.previous = *snap;
        }
    }

    // A missing baseline is never replaced by the new version's own samples: a
    // regression present from the first sample would then pass. The latency trigger
    // is not evaluated, and the result says so.
    HealthBaseline &baseline = w.result.baseline;
    if (!baseline.available && s.p95Ms && !w.latencyNoteGiven) {
        w.latencyNoteGiven = true;
        const QString why = baseline.unavailableReason.isEmpty() ? QStringLiteral("unknown reason")
                                                                 : baseline.unavailableReason;
        const QString note = QStringLiteral("latency trigger not evaluated: no baseline before "
                                            "the deploy (%1)")
                                 .arg(why);
        w.result.notes << note;
        Q_EMIT logMessage(note);
    }

    w.result.samples << s;
    const quint64 generation = w.generation;
    Q_EMIT sampleTaken(s);
    if (!m_window.running || m_window.generation != generation)
        return; // a slot connected to sampleTaken cancelled the window

    HealthMath::Thresholds thresholds;
    thresholds.errorRateMax = m_config.errorRateMax;
    thresholds.latencyDegradationMax = m_config.latencyDegradationMax;
    thresholds.healthFailuresMax = m_config.healthFailuresMax;
    const std::optional<RollbackTrigger> trigger =
        HealthMath::evaluate(s, thresholds, baseline.available ? baseline.p95Ms : std::nullopt,
                             w.consecutiveHealthFailures);
    if (trigger) {
        w.result.trigger = trigger;
        Q_EMIT logMessage(QStringLiteral("Rollback trigger: ") + trigger->message);
        Q_EMIT triggerFired(*trigger);
        if (m_window.running && m_window.generation == generation)
            finishWindow();
        return;
    }

    // Polls never overlap: one that outlasts its interval delays the next,
    // which then starts at once. The sample count stays floor(window/interval)+1.
    ++w.slot;
    const qint64 due = qint64(w.slot) * m_config.intervalMs;
    if (due > m_config.windowMs) {
        finishWindow();
        return;
    }
    m_pollTimer.start(int(qMax<qint64>(0, due - w.clock.elapsed())));
}

void HealthMonitor::finishWindow()
{
    WindowRun &w = m_window;
    m_pollTimer.stop();
    w.running = false;
    ++w.generation; // drop callbacks of anything still in flight
    HttpProbe::cancel(w.healthReply);
    HttpProbe::cancel(w.metricsReply);
    HttpProbe::cancel(w.errorQueryReply);
    HttpProbe::cancel(w.p95QueryReply);
    w.healthReply = nullptr;
    w.metricsReply = nullptr;

    WindowResult &result = w.result;
    result.finishedAt = QDateTime::currentDateTimeUtc();
    if (result.error.isEmpty() && !result.cancelled && !result.trigger) {
        if (m_config.usesPrometheus() && w.metricsAnswers == 0) {
            result.error =
                QStringLiteral("Prometheus never answered both queries during the window (%1)")
                    .arg(w.lastMetricsError.isEmpty() ? QStringLiteral("no answer")
                                                      : w.lastMetricsError);
        } else if (!m_config.metricsUrl.isEmpty() && !m_config.usesPrometheus() &&
                   w.metricsAnswers == 0) {
            result.error =
                QStringLiteral("the metrics endpoint never answered during the window (%1)")
                    .arg(w.lastMetricsError.isEmpty() ? QStringLiteral("no scrape completed")
                                                      : w.lastMetricsError);
        } else if (!m_config.metricsUrl.isEmpty() && w.samplesWithRates == 0) {
            result.notes << QStringLiteral(
                "no requests were observed during the window: error rate "
                "and latency could not be evaluated");
        }
    }
    if (w.healthFailures > 0 && !result.trigger) {
        result.notes << QStringLiteral("%1 of %2 health polls failed (fewer than %3 in a row)")
                            .arg(w.healthFailures)
                            .arg(result.samples.size())
                            .arg(m_config.healthFailuresMax);
    }
    result.passed = !result.trigger && !result.cancelled && result.error.isEmpty();
    if (result.cancelled)
        Q_EMIT logMessage(QStringLiteral("Verification window cancelled"));
    else if (!result.error.isEmpty())
        Q_EMIT logMessage(QStringLiteral("Verification window failed: ") + result.error);
    else if (result.passed)
        Q_EMIT logMessage(
            QStringLiteral("Verification window passed: %1 samples").arg(result.samples.size()));
    Q_EMIT windowFinished(result);
}

void HealthMonitor::cancel()
{
    if (m_window.running) {
        m_window.result.cancelled = true;
        finishWindow();
    }
    if (m_baselineRun.running) {
        ++m_baselineRun.generation;
        HttpProbe::cancel(m_baselineRun.reply);
        HealthBaseline b;
        b.unavailableReason = QStringLiteral("cancelled");
        finishBaseline(b);
    }
    if (m_endpoints.running) {
        ++m_endpoints.generation;
        HttpProbe::cancel(m_endpoints.healthReply);
        HttpProbe::cancel(m_endpoints.statusReply);
        // Probes that had not answered stay unchecked; only what ran is reported.
        m_endpoints.check.problems << QStringLiteral("cancelled");
        finishEndpoints();
    }
}

} // namespace Promotion
