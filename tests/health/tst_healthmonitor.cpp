// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeservice.h"
#include "health/healthmonitor.h"
#include "policy/policy.h"
#include "testhttpserver.h"

#include <cmath>
#include <functional>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Promotion;
using Promotion::Test::FakeService;
using Promotion::Test::TestHttpServer;

namespace {

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) < tolerance;
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

/*!
 * A service on a real socket: /health, /api/v1/status/api and a /metrics
 * whose counters advance by the current profile on every scrape.
 */
class Fixture
{
public:
    Fixture()
    {
        if (!server.listen())
            qFatal("cannot listen");
        server.setRoute(QStringLiteral("/health"), 200, "application/json", R"({"status":"ok"})");
        server.setRoute(QStringLiteral("/api/v1/status/api"), 200, "application/json",
                        R"({"component":"api","stage":"staging","version":"1.4.0"})");
        server.setHandler(QStringLiteral("/metrics"), [this](const TestHttpServer::Request &) {
            ++scrapes;
            if (beforeScrape)
                beforeScrape(scrapes);
            service.advance(profile);
            TestHttpServer::Response r;
            r.contentType = "text/plain; version=0.0.4";
            r.body = service.exposition();
            return r;
        });
    }

    HealthMonitorConfig config(int intervalMs = 150, int windowMs = 750) const
    {
        HealthMonitorConfig c;
        c.healthUrl = server.url(QStringLiteral("/health"));
        c.statusUrl = server.url(QStringLiteral("/api/v1/status/api"));
        c.metricsUrl = server.url(QStringLiteral("/metrics"));
        c.intervalMs = intervalMs;
        c.windowMs = windowMs;
        c.requestTimeoutMs = 2000;
        return c;
    }

    TestHttpServer server;
    FakeService service;
    FakeService::Profile profile = FakeService::baseline();
    int scrapes = 0;
    std::function<void(int)> beforeScrape; //!< called with the 1-based scrape number
};

class TstHealthMonitor final : public QObject
{
    Q_OBJECT

private:
    static HealthBaseline captureBaseline(HealthMonitor &monitor)
    {
        QSignalSpy spy(&monitor, &HealthMonitor::baselineCaptured);
        if (!monitor.captureBaseline())
            qFatal("captureBaseline refused");
        if (!spy.wait(10000) || spy.count() != 1)
            qFatal("no baselineCaptured");
        return spy.at(0).at(0).value<HealthBaseline>();
    }

    static WindowResult runWindow(HealthMonitor &monitor, QList<HealthSample> *samples = nullptr,
                                  QStringList *order = nullptr)
    {
        QSignalSpy finished(&monitor, &HealthMonitor::windowFinished);
        QSignalSpy sampled(&monitor, &HealthMonitor::sampleTaken);
        QStringList events;
        const QMetaObject::Connection a = QObject::connect(
            &monitor, &HealthMonitor::triggerFired, &monitor,
            [&events](const RollbackTrigger &) { events << QStringLiteral("trigger"); });
        const QMetaObject::Connection b = QObject::connect(
            &monitor, &HealthMonitor::windowFinished, &monitor,
            [&events](const WindowResult &) { events << QStringLiteral("finished"); });
        if (!finished.wait(20000) || finished.count() != 1)
            qFatal("no windowFinished");
        QObject::disconnect(a);
        QObject::disconnect(b);
        if (samples) {
            for (const QList<QVariant> &args : std::as_const(sampled))
                samples->append(args.at(0).value<HealthSample>());
        }
        if (order)
            *order = events;
        return finished.at(0).at(0).value<WindowResult>();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void baselineFromTwoScrapes()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(200));
        QSignalSpy logs(&monitor, &HealthMonitor::logMessage);
        const HealthBaseline b = captureBaseline(monitor);
        QVERIFY2(b.available, qPrintable(b.unavailableReason));
        QCOMPARE(b.source, HealthBaseline::Source::Metrics);
        QCOMPARE(f.scrapes, 2);
        QVERIFY(b.p95Ms && near(*b.p95Ms, 150));
        QVERIFY(b.errorRatePercent && near(*b.errorRatePercent, 0.5));
        QCOMPARE(b.requests, 1000.0);
        QVERIFY2(b.intervalMs >= 190, qPrintable(QString::number(b.intervalMs)));
        QVERIFY(b.capturedAt.isValid());
        QCOMPARE(monitor.lastBaseline().p95Ms, b.p95Ms);
        QVERIFY(!logs.isEmpty());
    }

    void healthyWindowPasses()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(150, 750));
        captureBaseline(monitor);
        QVERIFY(monitor.startWindow());
        QVERIFY(!monitor.startWindow()); // one window at a time
        QList<HealthSample> samples;
        QStringList order;
        const WindowResult r = runWindow(monitor, &samples, &order);
        QVERIFY2(r.passed, qPrintable(r.error + r.notes.join(QLatin1Char('|'))));
        QVERIFY(!r.trigger);
        QVERIFY(!r.cancelled);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(order, QStringList{QStringLiteral("finished")});
        QCOMPARE(r.samples.size(), 6); // at 0, 150, ..., 750 ms
        QCOMPARE(samples.size(), 6);
        QCOMPARE(r.baseline.source, HealthBaseline::Source::Metrics);
        const qint64 windowMs = r.startedAt.msecsTo(r.finishedAt);
        for (const HealthSample &s : r.samples) {
            QVERIFY(s.healthy);
            QCOMPARE(s.httpStatus, 200);
            // Measured, and within the window that took the sample.
            QVERIFY2(
                s.healthLatencyMs >= 0 && s.healthLatencyMs <= windowMs,
                qPrintable(QStringLiteral("%1 ms of %2 ms").arg(s.healthLatencyMs).arg(windowMs)));
            QVERIFY(s.timestamp.isValid());
            if (s.index == 0) {
                QVERIFY(!s.errorRatePercent);
                QVERIFY(!s.p95Ms);
                continue;
            }
            QVERIFY2(s.errorRatePercent && near(*s.errorRatePercent, 0.5),
                     qPrintable(s.metricsError));
            QVERIFY(s.p95Ms && near(*s.p95Ms, 150));
            QCOMPARE(s.requests, 1000.0);
            QVERIFY(s.requestRate && *s.requestRate > 0);
            // Coarse timers may fire up to 5 % early.
            QVERIFY2(s.elapsedMs >= s.index * 150 * 0.9, qPrintable(QString::number(s.elapsedMs)));
        }
        for (int i = 0; i < r.samples.size(); ++i)
            QCOMPARE(r.samples.at(i).index, i);
        QVERIFY(r.finishedAt >= r.startedAt);
        QVERIFY(!monitor.isWindowRunning());
    }

    void errorRateTriggers()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(150, 3000));
        captureBaseline(monitor);
        f.profile = FakeService::baseline(20); // 2 % errors
        QSignalSpy fired(&monitor, &HealthMonitor::triggerFired);
        monitor.startWindow();
        QStringList order;
        const WindowResult r = runWindow(monitor, nullptr, &order);
        QVERIFY(!r.passed);
        QVERIFY(r.trigger);
        QCOMPARE(r.trigger->kind, RollbackTrigger::Kind::ErrorRate);
        QVERIFY(near(r.trigger->measured, 2.0));
        QCOMPARE(r.trigger->threshold, 1.0);
        QCOMPARE(r.trigger->sampleIndex, 1);
        QCOMPARE(r.samples.size(), 2); // stopped at the first sample with a rate
        QCOMPARE(order, QStringList({QStringLiteral("trigger"), QStringLiteral("finished")}));
        QCOMPARE(fired.count(), 1);
        const int scrapes = f.scrapes;
        QTest::qWait(400);
        QCOMPARE(f.scrapes, scrapes); // stopped polling
    }

    void latencyDegradation_data()
    {
        QTest::addColumn<bool>("thirtyPercent");
        QTest::newRow("+30 % fires") << true;
        QTest::newRow("+10 % does not") << false;
    }

    void latencyDegradation()
    {
        QFETCH(bool, thirtyPercent);
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(150, 600));
        const HealthBaseline b = captureBaseline(monitor);
        QVERIFY(b.p95Ms && near(*b.p95Ms, 150));
        f.profile = thirtyPercent ? FakeService::slower30() : FakeService::slower10();
        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        if (thirtyPercent) {
            QVERIFY(!r.passed);
            QVERIFY(r.trigger);
            QCOMPARE(r.trigger->kind, RollbackTrigger::Kind::LatencyDegradation);
            QVERIFY(near(r.trigger->measured, 195));
            QVERIFY(near(r.trigger->threshold, 180));
            QCOMPARE(r.trigger->sampleIndex, 1);
            QVERIFY2(
                r.trigger->message.contains(QLatin1String("30.0 % above the baseline 150.0 ms")),
                qPrintable(r.trigger->message));
        } else {
            QVERIFY2(r.passed, qPrintable(r.error));
            QCOMPARE(r.samples.size(), 5);
            QVERIFY(r.samples.last().p95Ms && near(*r.samples.last().p95Ms, 165));
        }
    }

    void healthFailuresTrigger()
    {
        Fixture f;
        f.server.setRoute(QStringLiteral("/health"), 500, "application/json",
                          R"({"status":"error"})");
        HealthMonitor monitor;
        monitor.setConfig(f.config(100, 5000));
        captureBaseline(monitor);
        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        QVERIFY(!r.passed);
        QVERIFY(r.trigger);
        QCOMPARE(r.trigger->kind, RollbackTrigger::Kind::HealthCheck);
        QCOMPARE(r.trigger->measured, 3.0);
        QCOMPARE(r.trigger->threshold, 3.0);
        QCOMPARE(r.trigger->sampleIndex, 2);
        QCOMPARE(r.samples.size(), 3);
        const QString url = f.server.url(QStringLiteral("/health")).toString();
        QVERIFY2(r.trigger->message.contains(QStringLiteral("GET %1 returned 500").arg(url)),
                 qPrintable(r.trigger->message));
        for (const HealthSample &s : r.samples) {
            QVERIFY(!s.healthy);
            QCOMPARE(s.httpStatus, 500);
        }
    }

    void intermittentHealthFailuresDoNotTrigger()
    {
        Fixture f;
        int calls = 0;
        f.server.setHandler(QStringLiteral("/health"), [&calls](const TestHttpServer::Request &) {
            TestHttpServer::Response r;
            r.contentType = "application/json";
            r.status = (++calls % 3 == 0) ? 503 : 200; // every third fails
            r.body = R"({"status":"ok"})";
            return r;
        });
        HealthMonitor monitor;
        monitor.setConfig(f.config(100, 800));
        captureBaseline(monitor);
        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        QVERIFY2(r.passed, qPrintable(r.error));
        QCOMPARE(r.samples.size(), 9);
        QVERIFY2(
            r.notes.join(QLatin1Char('|')).contains(QLatin1String("3 of 9 health polls failed")),
            qPrintable(r.notes.join(QLatin1Char('|'))));
    }

    void counterResetDuringWindow()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(150, 750));
        captureBaseline(monitor); // scrapes 1 and 2
        // The pod restarts between the window's 3rd and 4th scrape.
        f.beforeScrape = [&f](int scrape) {
            if (scrape == 6)
                f.service.restart();
        };
        QSignalSpy logs(&monitor, &HealthMonitor::logMessage);
        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        QVERIFY2(r.passed, qPrintable(r.error));
        QCOMPARE(r.samples.size(), 6);
        const HealthSample &reset = r.samples.at(3);
        QVERIFY(reset.counterReset);
        QCOMPARE(reset.requests, 1000.0);
        QVERIFY(reset.errorRatePercent && near(*reset.errorRatePercent, 0.5));
        QVERIFY(reset.p95Ms && near(*reset.p95Ms, 150));
        QVERIFY(!r.samples.at(2).counterReset);
        QVERIFY(!r.samples.at(4).counterReset);
        bool logged = false;
        for (const QList<QVariant> &args : std::as_const(logs))
            logged = logged || args.at(0).toString().contains(QLatin1String("counter went down"));
        QVERIFY(logged);
    }

    void unavailableBaselineLeavesLatencyUnevaluated()
    {
        Fixture f;
        f.server.removeRoute(QStringLiteral("/metrics"));
        HealthMonitor monitor;
        monitor.setConfig(f.config(150, 3000));
        const HealthBaseline b = captureBaseline(monitor);
        QVERIFY(!b.available);
        const QString metricsUrl = f.server.url(QStringLiteral("/metrics")).toString();
        QVERIFY2(
            b.unavailableReason.startsWith(QStringLiteral("GET %1 returned 404").arg(metricsUrl)),
            qPrintable(b.unavailableReason));

        // Metrics come back for the window; latency worsens from the third scrape on.
        int scrapes = 0;
        FakeService service;
        f.server.setHandler(QStringLiteral("/metrics"), [&](const TestHttpServer::Request &) {
            ++scrapes;
            service.advance(scrapes <= 2 ? FakeService::baseline() : FakeService::slower30());
            TestHttpServer::Response r;
            r.body = service.exposition();
            return r;
        });
        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        // The new version's own samples never become the baseline: the latency
        // trigger is not evaluated, and the notes say why.
        QVERIFY(r.baseline.source != HealthBaseline::Source::FirstWindowSample);
        QVERIFY(!r.baseline.available);
        QVERIFY2(r.notes.join(QLatin1Char('|'))
                     .contains(QLatin1String("latency trigger not evaluated: no baseline before "
                                             "the deploy (GET ")),
                 qPrintable(r.notes.join(QLatin1Char('|'))));
        QVERIFY(!r.trigger || r.trigger->kind != RollbackTrigger::Kind::LatencyDegradation);
    }

    void baselineWithoutTraffic()
    {
        Fixture f;
        f.profile = FakeService::Profile(); // nothing happens between scrapes
        HealthMonitor monitor;
        monitor.setConfig(f.config(100));
        const HealthBaseline b = captureBaseline(monitor);
        QVERIFY(!b.available);
        QVERIFY2(
            b.unavailableReason.contains(QLatin1String("no latency observations in this interval")),
            qPrintable(b.unavailableReason));
    }

    void unreachableEndpoints()
    {
        const quint16 port = closedPort();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        HealthMonitorConfig c;
        c.healthUrl = QUrl(base + QStringLiteral("/health"));
        c.statusUrl = QUrl(base + QStringLiteral("/api/v1/status/api"));
        c.metricsUrl = QUrl(base + QStringLiteral("/metrics"));
        c.intervalMs = 100;
        c.windowMs = 5000;
        c.requestTimeoutMs = 2000;
        HealthMonitor monitor;
        monitor.setConfig(c);

        const HealthBaseline b = captureBaseline(monitor);
        QVERIFY(!b.available);
        QVERIFY2(
            b.unavailableReason.startsWith(QStringLiteral("GET %1/metrics failed: ").arg(base)),
            qPrintable(b.unavailableReason));
        QVERIFY(b.unavailableReason.contains(QLatin1String("refused"), Qt::CaseInsensitive));

        QSignalSpy checked(&monitor, &HealthMonitor::endpointsChecked);
        QVERIFY(monitor.checkEndpoints(QStringLiteral("staging")));
        QVERIFY(checked.wait(10000));
        const EndpointCheck check = checked.at(0).at(0).value<EndpointCheck>();
        QVERIFY(!check.passed);
        QCOMPARE(check.problems.size(), 2);
        QVERIFY(
            check.problems.at(0).startsWith(QStringLiteral("GET %1/health failed: ").arg(base)));
        QVERIFY(check.problems.at(1).startsWith(
            QStringLiteral("GET %1/api/v1/status/api failed: ").arg(base)));
        QCOMPARE(check.health.httpStatus, 0);

        monitor.startWindow();
        const WindowResult r = runWindow(monitor);
        QVERIFY(!r.passed);
        QVERIFY(r.trigger);
        QCOMPARE(r.trigger->kind, RollbackTrigger::Kind::HealthCheck);
        QVERIFY(r.samples.first().metricsError.startsWith(
            QStringLiteral("GET %1/metrics failed: ").arg(base)));
    }

    void metricsNeverAnswerFailsTheWindow()
    {
        Fixture f;
        f.server.setRoute(QStringLiteral("/metrics"), 200, "text/plain", "requests_total{ 12\n");
        HealthMonitor monitor;
        HealthMonitorConfig c = f.config(100, 300);
        c.healthUrl.clear();
        monitor.setConfig(c);
        monitor.startWindow(HealthBaseline());
        const WindowResult r = runWindow(monitor);
        QVERIFY(!r.passed);
        QVERIFY(!r.trigger);
        QVERIFY2(r.error.startsWith(
                     QLatin1String("the metrics endpoint never answered during the window")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(f.server.url(QStringLiteral("/metrics")).toString()),
                 qPrintable(r.error));
        QCOMPARE(r.samples.size(), 4);
        QVERIFY(r.samples.first().healthy); // no health URL: nothing to fail
        QVERIFY(r.notes.join(QLatin1Char('|')).contains(QLatin1String("no health URL")));
    }

    void httpsToPlainPortIsATlsFailure()
    {
        Fixture f;
        HealthMonitor monitor;
        HealthMonitorConfig c = f.config();
        c.healthUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/health").arg(f.server.port()));
        c.statusUrl.clear();
        monitor.setConfig(c);
        QSignalSpy checked(&monitor, &HealthMonitor::endpointsChecked);
        monitor.checkEndpoints();
        QVERIFY(checked.wait(10000));
        const EndpointCheck check = checked.at(0).at(0).value<EndpointCheck>();
        QVERIFY(!check.passed);
        QVERIFY(!check.health.ok);
        QVERIFY2(check.health.error.startsWith(
                     QStringLiteral("GET %1 failed: TLS error: ").arg(c.healthUrl.toString())),
                 qPrintable(check.health.error));
        QVERIFY(!check.status.checked);
        QCOMPARE(f.server.requestCount(QStringLiteral("/health")), 0);
    }

    void endpointCheck_data()
    {
        QTest::addColumn<QByteArray>("healthBody");
        QTest::addColumn<QByteArray>("statusBody");
        QTest::addColumn<QString>("expectedStage");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("reportedStage");
        const QByteArray ok = R"({"status":"ok"})";
        const QByteArray staging = R"({"component":"api","stage":"staging"})";
        QTest::newRow("matches") << ok << staging << "staging" << true << ""
                                 << "staging";
        QTest::newRow("case-insensitive") << ok << staging << "Staging" << true << ""
                                          << "staging";
        QTest::newRow("no expectation") << ok << staging << "" << true << ""
                                        << "staging";
        QTest::newRow("mismatch") << ok << staging << "production" << false
                                  << "stage is \"staging\", expected \"production\""
                                  << "staging";
        QTest::newRow("no stage field")
            << ok << QByteArray(R"({"component":"api"})") << "production" << false
            << "the status has no \"stage\" string (expected \"production\")"
            << "";
        QTest::newRow("status not json")
            << ok << QByteArray("<html>") << "" << false << "the body is not JSON"
            << "";
        QTest::newRow("health down") << QByteArray(R"({"status":"down"})") << staging << "staging"
                                     << false << "reports status \"down\""
                                     << "staging";
    }

    void endpointCheck()
    {
        QFETCH(QByteArray, healthBody);
        QFETCH(QByteArray, statusBody);
        QFETCH(QString, expectedStage);
        QFETCH(bool, passed);
        QFETCH(QString, problem);
        QFETCH(QString, reportedStage);
        Fixture f;
        f.server.setRoute(QStringLiteral("/health"), 200, "application/json", healthBody);
        f.server.setRoute(QStringLiteral("/api/v1/status/api"), 200, "application/json",
                          statusBody);
        HealthMonitor monitor;
        monitor.setConfig(f.config());
        QSignalSpy checked(&monitor, &HealthMonitor::endpointsChecked);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(monitor.checkEndpoints(expectedStage));
        QCOMPARE(checked.count(), 0); // never from inside the call
        QVERIFY(checked.wait(10000));
        const qint64 wallMs = clock.elapsed();
        const EndpointCheck check = checked.at(0).at(0).value<EndpointCheck>();
        QCOMPARE(check.passed, passed);
        QCOMPARE(check.reportedStage, reportedStage);
        QVERIFY(check.health.checked && check.status.checked);
        QCOMPARE(check.health.httpStatus, 200);
        // Measured, and within the time the check took.
        QVERIFY2(
            check.health.latencyMs >= 0 && check.health.latencyMs <= wallMs,
            qPrintable(QStringLiteral("%1 ms of %2 ms").arg(check.health.latencyMs).arg(wallMs)));
        if (passed) {
            QVERIFY(check.problems.isEmpty());
        } else {
            QCOMPARE(check.problems.size(), 1);
            QVERIFY2(check.problems.first().contains(problem), qPrintable(check.problems.first()));
        }
    }

    void cancelStopsTheWindow()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(100, 10000));
        QSignalSpy finished(&monitor, &HealthMonitor::windowFinished);
        QSignalSpy sampled(&monitor, &HealthMonitor::sampleTaken);
        monitor.startWindow();
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 2, 10000);
        monitor.cancel();
        QCOMPARE(finished.count(), 1);
        const WindowResult r = finished.at(0).at(0).value<WindowResult>();
        QVERIFY(r.cancelled);
        QVERIFY(!r.passed);
        QVERIFY(!r.trigger);
        const int samples = int(sampled.count());
        QTest::qWait(350);
        QCOMPARE(sampled.count(), samples);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!monitor.isWindowRunning());
    }

    void cancelDuringBaseline()
    {
        Fixture f;
        HealthMonitor monitor;
        monitor.setConfig(f.config(5000));
        QSignalSpy spy(&monitor, &HealthMonitor::baselineCaptured);
        monitor.captureBaseline();
        QTRY_COMPARE(f.scrapes, 1);
        monitor.cancel();
        QCOMPARE(spy.count(), 1);
        const HealthBaseline b = spy.at(0).at(0).value<HealthBaseline>();
        QVERIFY(!b.available);
        QCOMPARE(b.unavailableReason, QStringLiteral("cancelled"));
        QTest::qWait(200);
        QCOMPARE(spy.count(), 1);
    }

    void invalidConfiguration()
    {
        HealthMonitor monitor;
        HealthMonitorConfig c;
        c.healthUrl = QUrl(QStringLiteral("ftp://example.invalid/health"));
        monitor.setConfig(c);
        QSignalSpy finished(&monitor, &HealthMonitor::windowFinished);
        QVERIFY(monitor.startWindow());
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(5000));
        const WindowResult r = finished.at(0).at(0).value<WindowResult>();
        QVERIFY(!r.passed);
        QCOMPARE(r.error, QStringLiteral(
                              "health URL \"ftp://example.invalid/health\" is not an http(s) URL"));
    }

    void configFromPolicy()
    {
        ValidationPolicy policy;
        policy.healthUrl = QStringLiteral("https://staging.tta.dev/health");
        policy.metricsUrl = QStringLiteral("https://staging.tta.dev/metrics");
        policy.intervalSeconds = 30;
        policy.windowSeconds = 600;
        policy.requestTimeoutSeconds = 5;
        policy.errorRateMax = 2;
        const HealthMonitorConfig c = HealthMonitorConfig::fromPolicy(policy);
        QCOMPARE(c.healthUrl, QUrl(QStringLiteral("https://staging.tta.dev/health")));
        QVERIFY(c.statusUrl.isEmpty());
        QCOMPARE(c.intervalMs, 30000);
        QCOMPARE(c.windowMs, 600000);
        QCOMPARE(c.requestTimeoutMs, 5000);
        QCOMPARE(c.errorRateMax, 2.0);
        QCOMPARE(c.latencyDegradationMax, 20.0);
        QCOMPARE(c.requestsMetric, QStringLiteral("http_requests_total"));
        QCOMPARE(c.latencyHistogram, QStringLiteral("http_request_duration_seconds"));
        QVERIFY(c.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstHealthMonitor)
#include "tst_healthmonitor.moc"
