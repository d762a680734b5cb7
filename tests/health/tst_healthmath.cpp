// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeservice.h"
#include "health/healthmath.h"
#include "health/healthmonitorconfig.h"

#include <cmath>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;
using Promotion::Test::FakeService;

Q_DECLARE_METATYPE(std::optional<double>)

namespace {

HealthMath::Snapshot snap(const FakeService &service, qint64 atMs)
{
    const auto r = HealthMath::snapshot(service.exposition(), HealthMonitorConfig(), atMs);
    if (!r)
        qFatal("fixture exposition did not parse: %s", qPrintable(r.error));
    return *r;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

} // namespace

class TstHealthMath final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void counterDelta_data()
    {
        QTest::addColumn<double>("previous");
        QTest::addColumn<double>("current");
        QTest::addColumn<double>("delta");
        QTest::addColumn<bool>("reset");
        QTest::newRow("growth") << 10.0 << 15.0 << 5.0 << false;
        QTest::newRow("flat") << 7.0 << 7.0 << 0.0 << false;
        QTest::newRow("from zero") << 0.0 << 3.0 << 3.0 << false;
        QTest::newRow("restart") << 1500.0 << 40.0 << 40.0 << true;
        QTest::newRow("restart to zero") << 8.0 << 0.0 << 0.0 << true;
    }

    void counterDelta()
    {
        QFETCH(double, previous);
        QFETCH(double, current);
        QFETCH(double, delta);
        QFETCH(bool, reset);
        bool wasReset = !reset;
        QCOMPARE(HealthMath::counterDelta(previous, current, &wasReset), delta);
        QCOMPARE(wasReset, reset);
    }

    void errorRate_data()
    {
        QTest::addColumn<double>("requests");
        QTest::addColumn<double>("errors");
        QTest::addColumn<std::optional<double>>("rate");
        QTest::newRow("2 %") << 1000.0 << 20.0 << std::optional<double>(2.0);
        QTest::newRow("none") << 1000.0 << 0.0 << std::optional<double>(0.0);
        QTest::newRow("all") << 4.0 << 4.0 << std::optional<double>(100.0);
        QTest::newRow("no traffic") << 0.0 << 0.0 << std::optional<double>();
    }

    void errorRate()
    {
        QFETCH(double, requests);
        QFETCH(double, errors);
        QFETCH(std::optional<double>, rate);
        QCOMPARE(HealthMath::errorRatePercent(requests, errors), rate);
    }

    void latencyScale_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("scale");
        QTest::newRow("seconds") << "http_request_duration_seconds" << 1000.0;
        QTest::newRow("bucket suffix") << "http_request_duration_seconds_bucket" << 1000.0;
        QTest::newRow("milliseconds") << "request_latency_milliseconds" << 1.0;
        QTest::newRow("ms") << "latency_ms" << 1.0;
        QTest::newRow("microseconds") << "rpc_duration_microseconds" << 0.001;
        QTest::newRow("unitless") << "latency" << 1000.0;
    }

    void latencyScale()
    {
        QFETCH(QString, name);
        QFETCH(double, scale);
        QCOMPARE(HealthMath::latencyScaleToMs(name), scale);
    }

    void snapshotSumsOverSeries()
    {
        FakeService service;
        service.advance(FakeService::baseline(7));
        const HealthMath::Snapshot s = snap(service, 42);
        QCOMPARE(s.atMs, qint64(42));
        QCOMPARE(s.requests, std::optional<double>(1000));
        QCOMPARE(s.errors, std::optional<double>(7));
        QCOMPARE(s.latency.size(), 5);
        QCOMPARE(s.latency.last().count, 1000.0);
        QVERIFY(std::isinf(s.latency.last().upperBound));
        QCOMPARE(s.latency.at(1).count, 900.0);
    }

    void snapshotOfMissingMetrics()
    {
        HealthMonitorConfig config;
        config.requestsMetric = QStringLiteral("absent_total");
        config.latencyHistogram = QStringLiteral("absent_seconds");
        FakeService service;
        service.exportErrors = false;
        service.advance(FakeService::baseline());
        const auto r = HealthMath::snapshot(service.exposition(), config, 0);
        QVERIFY(r);
        QVERIFY(!r->requests);
        QVERIFY(!r->errors);
        QVERIFY(r->latency.isEmpty());
    }

    void snapshotOfMalformedExposition()
    {
        const auto r = HealthMath::snapshot("ok_total 1\nbroken{ 2\n", HealthMonitorConfig(), 0);
        QVERIFY(!r);
        QVERIFY2(r.error.contains(QLatin1String("2")), qPrintable(r.error)); // names line 2
    }

    void interval_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<double>("errorRate");
        QTest::addColumn<double>("p95");
        QTest::newRow("baseline") << 0 << 0.5 << 150.0;
        QTest::newRow("+10 %") << 1 << (5.0 / 1400 * 100) << 165.0;
        QTest::newRow("+30 %") << 2 << 0.5 << 195.0;
        QTest::newRow("2 % errors") << 3 << 2.0 << 150.0;
    }

    void interval()
    {
        QFETCH(int, profile);
        QFETCH(double, errorRate);
        QFETCH(double, p95);
        const FakeService::Profile profiles[] = {FakeService::baseline(), FakeService::slower10(),
                                                 FakeService::slower30(),
                                                 FakeService::baseline(20)};
        FakeService service;
        // History before the interval must not leak into it.
        for (int i = 0; i < 3; ++i)
            service.advance(FakeService::baseline(50));
        const HealthMath::Snapshot before = snap(service, 1000);
        service.advance(profiles[profile]);
        const HealthMath::Snapshot after = snap(service, 3000);
        const HealthMath::Interval iv = HealthMath::interval(before, after);
        QCOMPARE(iv.seconds, 2.0);
        QCOMPARE(iv.requests, profiles[profile].requests());
        QCOMPARE(iv.errors, profiles[profile].errors);
        QVERIFY(iv.errorRatePercent);
        QVERIFY2(near(*iv.errorRatePercent, errorRate),
                 qPrintable(QString::number(*iv.errorRatePercent)));
        QVERIFY(iv.p95Ms);
        QVERIFY2(near(*iv.p95Ms, p95), qPrintable(QString::number(*iv.p95Ms)));
        QVERIFY(iv.requestRate);
        QCOMPARE(*iv.requestRate, profiles[profile].requests() / 2.0);
        QVERIFY(!iv.counterReset);
        QVERIFY(iv.problems.isEmpty());
    }

    void intervalAcrossARestart()
    {
        FakeService service;
        for (int i = 0; i < 5; ++i)
            service.advance(FakeService::baseline(5));
        const HealthMath::Snapshot before = snap(service, 0);
        service.restart();
        service.advance(FakeService::baseline(5));
        const HealthMath::Snapshot after = snap(service, 1000);
        const HealthMath::Interval iv = HealthMath::interval(before, after);
        QVERIFY(iv.counterReset);
        QCOMPARE(iv.requests, 1000.0);
        QCOMPARE(iv.errors, 5.0);
        QVERIFY(near(*iv.errorRatePercent, 0.5));
        QVERIFY(near(*iv.p95Ms, 150.0));
    }

    void intervalWithoutTraffic()
    {
        FakeService service;
        service.advance(FakeService::baseline());
        const HealthMath::Snapshot s1 = snap(service, 0);
        const HealthMath::Snapshot s2 = snap(service, 500);
        const HealthMath::Interval iv = HealthMath::interval(s1, s2);
        QCOMPARE(iv.requests, 0.0);
        QVERIFY(!iv.errorRatePercent);
        QVERIFY(!iv.p95Ms);
        QCOMPARE(*iv.requestRate, 0.0);
        QCOMPARE(iv.problems,
                 QStringList({QStringLiteral("no requests in this interval"),
                              QStringLiteral("no latency observations in this interval")}));
    }

    void intervalWithoutErrorsSeries()
    {
        // A labelled errors counter has no series before its first error: that is 0 errors.
        FakeService service;
        service.exportErrors = false;
        service.advance(FakeService::baseline());
        const HealthMath::Snapshot s1 = snap(service, 0);
        service.advance(FakeService::baseline());
        const HealthMath::Snapshot s2 = snap(service, 1000);
        const HealthMath::Interval iv = HealthMath::interval(s1, s2);
        QCOMPARE(iv.errorRatePercent, std::optional<double>(0.0));
    }

    void intervalWithoutRequestsMetric()
    {
        HealthMath::Snapshot s1;
        HealthMath::Snapshot s2;
        s2.atMs = 1000;
        const HealthMath::Interval iv = HealthMath::interval(s1, s2);
        QVERIFY(!iv.errorRatePercent);
        QVERIFY(
            iv.problems.contains(QStringLiteral("the requests metric is absent from the scrape")));
        QVERIFY(iv.problems.contains(
            QStringLiteral("the latency histogram is absent from the scrape")));
    }

    void healthProblem_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("ok") << 200 << QByteArray(R"({"status":"ok"})") << "";
        QTest::newRow("pass") << 200 << QByteArray(R"({"status":"pass","checks":{}})") << "";
        QTest::newRow("array") << 200 << QByteArray("[]") << "";
        QTest::newRow("500") << 500 << QByteArray(R"({"status":"ok"})")
                             << "GET http://h/health returned 500";
        QTest::newRow("204") << 204 << QByteArray() << "GET http://h/health returned 204";
        QTest::newRow("not json")
            << 200 << QByteArray("OK")
            << "GET http://h/health: the body is not JSON (offset 0: illegal value)";
        QTest::newRow("down") << 200 << QByteArray(R"({"status":"DOWN"})")
                              << "GET http://h/health reports status \"DOWN\"";
        QTest::newRow("fail") << 200 << QByteArray(R"({"status":"fail"})")
                              << "GET http://h/health reports status \"fail\"";
        QTest::newRow("healthy false") << 200 << QByteArray(R"({"healthy":false})")
                                       << "GET http://h/health reports \"healthy\": false";
    }

    void healthProblem()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const QString got =
            HealthMath::healthProblem(QUrl(QStringLiteral("http://h/health")), status, body);
        if (problem.contains(QLatin1String("offset")))
            QVERIFY2(got.startsWith(problem.left(problem.indexOf(QLatin1String("offset")))),
                     qPrintable(got));
        else
            QCOMPARE(got, problem);
    }

    void evaluate_data()
    {
        QTest::addColumn<std::optional<double>>("errorRate");
        QTest::addColumn<std::optional<double>>("p95");
        QTest::addColumn<std::optional<double>>("baseline");
        QTest::addColumn<int>("healthFailures");
        QTest::addColumn<int>("kind"); // -1: no trigger
        QTest::addColumn<double>("measured");
        QTest::addColumn<double>("threshold");

        using O = std::optional<double>;
        const int none = -1;
        const int error = int(RollbackTrigger::Kind::ErrorRate);
        const int latency = int(RollbackTrigger::Kind::LatencyDegradation);
        const int health = int(RollbackTrigger::Kind::HealthCheck);
        QTest::newRow("healthy") << O(0.5) << O(150) << O(150) << 0 << none << 0.0 << 0.0;
        QTest::newRow("error 2 %") << O(2.0) << O(150) << O(150) << 0 << error << 2.0 << 1.0;
        QTest::newRow("error exactly 1 %") << O(1.0) << O(150) << O(150) << 0 << none << 0.0 << 0.0;
        QTest::newRow("error 1.01 %") << O(1.01) << O(150) << O(150) << 0 << error << 1.01 << 1.0;
        QTest::newRow("latency +30 %")
            << O(0.5) << O(195) << O(150) << 0 << latency << 195.0 << 180.0;
        QTest::newRow("latency +10 %") << O(0.5) << O(165) << O(150) << 0 << none << 0.0 << 0.0;
        QTest::newRow("latency exactly +20 %")
            << O(0.5) << O(180) << O(150) << 0 << none << 0.0 << 0.0;
        QTest::newRow("latency without baseline")
            << O(0.5) << O(900) << O() << 0 << none << 0.0 << 0.0;
        QTest::newRow("latency with zero baseline")
            << O(0.5) << O(900) << O(0) << 0 << none << 0.0 << 0.0;
        QTest::newRow("no metrics") << O() << O() << O(150) << 0 << none << 0.0 << 0.0;
        QTest::newRow("health x2") << O() << O() << O(150) << 2 << none << 0.0 << 0.0;
        QTest::newRow("health x3") << O() << O() << O(150) << 3 << health << 3.0 << 3.0;
        QTest::newRow("error before latency")
            << O(5.0) << O(400) << O(150) << 3 << error << 5.0 << 1.0;
        QTest::newRow("latency before health")
            << O(0.0) << O(400) << O(150) << 3 << latency << 400.0 << 180.0;
    }

    void evaluate()
    {
        QFETCH(std::optional<double>, errorRate);
        QFETCH(std::optional<double>, p95);
        QFETCH(std::optional<double>, baseline);
        QFETCH(int, healthFailures);
        QFETCH(int, kind);
        QFETCH(double, measured);
        QFETCH(double, threshold);

        HealthSample sample;
        sample.index = 4;
        sample.errorRatePercent = errorRate;
        sample.p95Ms = p95;
        sample.requests = 1000;
        sample.errors = errorRate.value_or(0) * 10;
        sample.healthError = QStringLiteral("GET http://h/health returned 500");
        const HealthMath::Thresholds thresholds; // the seed's: 1 %, 20 %, 3
        const auto trigger = HealthMath::evaluate(sample, thresholds, baseline, healthFailures);
        QCOMPARE(trigger.has_value(), kind >= 0);
        if (!trigger)
            return;
        QCOMPARE(int(trigger->kind), kind);
        QVERIFY2(near(trigger->measured, measured), qPrintable(QString::number(trigger->measured)));
        QVERIFY2(near(trigger->threshold, threshold),
                 qPrintable(QString::number(trigger->threshold)));
        QCOMPARE(trigger->sampleIndex, 4);
        QVERIFY(!trigger->message.isEmpty());
    }

    void triggerMessages()
    {
        HealthSample sample;
        sample.errorRatePercent = 2.0;
        sample.requests = 1000;
        sample.errors = 20;
        auto t = HealthMath::evaluate(sample, {}, std::nullopt, 0);
        QVERIFY(t);
        QCOMPARE(t->message,
                 QStringLiteral("error rate 2.00 % (20 of 1000 requests in the last interval) "
                                "is above the 1 % maximum"));
        sample.errorRatePercent = 0;
        sample.p95Ms = 195;
        t = HealthMath::evaluate(sample, {}, 150.0, 0);
        QVERIFY(t);
        QCOMPARE(t->message,
                 QStringLiteral("p95 latency 195.0 ms is 30.0 % above the baseline 150.0 ms "
                                "(maximum +20 %, i.e. 180.0 ms)"));
        sample.p95Ms.reset();
        sample.healthError = QStringLiteral("GET http://h/health returned 500");
        t = HealthMath::evaluate(sample, {}, 150.0, 3);
        QVERIFY(t);
        QCOMPARE(t->message, QStringLiteral("health check failed 3 consecutive times "
                                            "(last: GET http://h/health returned 500)"));
        QCOMPARE(RollbackTrigger::kindName(t->kind), QStringLiteral("health_check"));
    }

    void thresholdFromPolicy()
    {
        QCOMPARE(HealthMath::latencyThresholdMs(150, 20), 180.0);
        QCOMPARE(HealthMath::latencyThresholdMs(200, 0), 200.0);
    }
};

QTEST_GUILESS_MAIN(TstHealthMath)
#include "tst_healthmath.moc"
