// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/datasourcereader.h"
#include "health/jsonpointer.h"
#include "testhttpserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;
using Promotion::Test::TestHttpServer;

namespace {

/*! False (with a warning) when the file could not be written; check it with QVERIFY. */
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        qWarning("cannot write %s: %s", qPrintable(path), qPrintable(f.errorString()));
        return false;
    }
    return true;
}

QByteArray drill(const QString &component, const QDateTime &date, const QString &result)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("date"), date.toString(Qt::ISODate)},
                                     {QStringLiteral("component"), component},
                                     {QStringLiteral("result"), result}})
        .toJson();
}

QByteArray vector(const QString &value)
{
    return QStringLiteral(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{"job":"api"},"value":[1700000000.123,"%1"]}]}})")
        .arg(value)
        .toUtf8();
}

} // namespace

class TstDataSourceReader final : public QObject
{
    Q_OBJECT

private:
    DataSourceResult readNow(const DataSource &source, const QString &root = QString(),
                             const QString &component = QStringLiteral("api"))
    {
        DataSourceReader reader(&m_nam);
        reader.setTimeoutMs(3000);
        QSignalSpy spy(&reader, &DataSourceReader::finished);
        reader.read(source, root, component);
        // Never from inside read(): the caller can connect after calling it.
        if (spy.count() != 0)
            qFatal("finished() emitted synchronously");
        if (!spy.wait(15000))
            qFatal("DataSourceReader never finished");
        if (spy.count() != 1)
            qFatal("finished() emitted %d times", int(spy.count()));
        return spy.at(0).at(0).value<DataSourceResult>();
    }

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // --- JSON pointer -------------------------------------------------------

    void jsonPointer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("error");

        const QByteArray doc = R"({"p95_ms": 180.5, "a": {"b/c": [1, {"m~n": 7}]}, "s": "99.5",
                                   "name": "fast", "flag": true, "nul": null, "o": {}})";
        QTest::newRow("top") << doc << "/p95_ms" << true << 180.5 << "";
        QTest::newRow("escaped slash and tilde") << doc << "/a/b~1c/1/m~0n" << true << 7.0 << "";
        QTest::newRow("array index") << doc << "/a/b~1c/0" << true << 1.0 << "";
        QTest::newRow("uri fragment") << doc << "#/a/b~1c/1/m~0n" << true << 7.0 << "";
        QTest::newRow("numeric string") << doc << "/s" << true << 99.5 << "";
        QTest::newRow("string") << doc << "/name" << false << 0.0
                                << "/name is not a number (string \"fast\")";
        QTest::newRow("bool") << doc << "/flag" << false << 0.0 << "/flag is not a number (true)";
        QTest::newRow("null") << doc << "/nul" << false << 0.0 << "/nul is not a number (null)";
        QTest::newRow("object") << doc << "/o" << false << 0.0 << "/o is not a number (object)";
        QTest::newRow("missing") << doc << "/p99_ms" << false << 0.0 << "/p99_ms does not exist";
        QTest::newRow("index out of range") << doc << "/a/b~1c/5" << false << 0.0
                                            << "/a/b~1c/5 does not exist (array has 2 elements)";
        QTest::newRow("bad index")
            << doc << "/a/b~1c/x" << false << 0.0 << "/a/b~1c/x: \"x\" is not an array index";
        QTest::newRow("leading zero")
            << doc << "/a/b~1c/01" << false << 0.0 << "/a/b~1c/01: \"01\" is not an array index";
        QTest::newRow("through a number")
            << doc << "/p95_ms/x" << false << 0.0
            << "/p95_ms/x does not exist (/p95_ms is number 180.5, not an object or array)";
        QTest::newRow("no slash") << doc << "p95_ms" << false << 0.0
                                  << "JSON pointer \"p95_ms\" must start with \"/\"";
        QTest::newRow("root array") << QByteArray("[3, 4]") << "/1" << true << 4.0 << "";
    }

    void jsonPointer()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(bool, ok);
        QFETCH(double, value);
        QFETCH(QString, error);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(!doc.isNull());
        const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        const JsonPointer::Number n = JsonPointer::number(root, pointer);
        QCOMPARE(n.ok(), ok);
        QCOMPARE(n.error, error);
        if (ok)
            QCOMPARE(n.value, value);
    }

    // --- pure parsing --------------------------------------------------------

    void valueFromBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QByteArray("99.7\n") << "" << true << 99.7 << "";
        QTest::newRow("plain negative exp") << QByteArray(" -1.5e2 ") << "" << true << -150.0 << "";
        QTest::newRow("plain garbage") << QByteArray("fast") << "" << false << 0.0
                                       << "perf/results.json: content is not a number (\"fast\"); "
                                          "set a JSON pointer if it is JSON";
        QTest::newRow("plain nan") << QByteArray("nan") << "" << false << 0.0
                                   << "perf/results.json: content is not a number (\"nan\"); "
                                      "set a JSON pointer if it is JSON";
        QTest::newRow("json") << QByteArray(R"({"p95_ms": 120})") << "/p95_ms" << true << 120.0
                              << "";
        QTest::newRow("json string value")
            << QByteArray(R"({"p95_ms": "slow"})") << "/p95_ms" << false << 0.0
            << "perf/results.json: /p95_ms is not a number (string \"slow\")";
        QTest::newRow("json missing") << QByteArray(R"({"p50_ms": 1})") << "/p95_ms" << false << 0.0
                                      << "perf/results.json: /p95_ms does not exist";
        QTest::newRow("invalid json") << QByteArray(R"({"p95_ms": )") << "/p95_ms" << false << 0.0
                                      << "perf/results.json: invalid JSON at offset 11: ";
    }

    void valueFromBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, pointer);
        QFETCH(bool, ok);
        QFETCH(double, value);
        QFETCH(QString, error);
        const DataSourceResult r =
            DataSourceReader::valueFromBody(body, pointer, QStringLiteral("perf/results.json"));
        QCOMPARE(r.ok, ok);
        // Prefix: the JSON parser's own wording after the offset is Qt's to change.
        QVERIFY2(error.isEmpty() ? r.error.isEmpty() : r.error.startsWith(error),
                 qPrintable(r.error));
        if (ok) {
            QCOMPARE(r.value, value);
            QVERIFY(r.detail.startsWith(QLatin1String("perf/results.json: ")));
        }
    }

    void valueFromPrometheus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("vector") << vector(QStringLiteral("99.62")) << 200 << true << 99.62 << "";
        QTest::newRow("two series")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[)"
                   R"({"metric":{"i":"a"},"value":[1,"1"]},{"metric":{"i":"b"},"value":[1,"2"]}]}})")
            << 200 << true << 1.0 << "";
        QTest::newRow("scalar")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"scalar","result":[1,"42"]}})")
            << 200 << true << 42.0 << "";
        QTest::newRow("empty vector")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << 200 << false << 0.0 << "returned no samples (empty vector)";
        QTest::newRow("matrix")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
            << 200 << false << 0.0 << "returned a range vector (matrix)";
        QTest::newRow("nan") << vector(QStringLiteral("NaN")) << 200 << false << 0.0
                             << "/data/result/0/value/1 is \"NaN\", not a finite number";
        QTest::newRow("value not pair")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":"3"}]}})")
            << 200 << false << 0.0 << "/data/result/0/value is not [timestamp, \"value\"]";
        QTest::newRow("api error")
            << QByteArray(
                   R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected"})")
            << 400 << false << 0.0 << "failed (HTTP 400): bad_data: 1:5: parse error: unexpected";
        QTest::newRow("not json") << QByteArray("<html>hi</html>") << 200 << false << 0.0
                                  << "response is not JSON";
        QTest::newRow("gateway") << QByteArray("Bad Gateway") << 502 << false << 0.0
                                 << "returned 502: Bad Gateway";
        QTest::newRow("no status") << QByteArray(R"({"data":{}})") << 200 << false << 0.0
                                   << "\"status\" is \"\", expected \"success\"";
        QTest::newRow("result not array")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":{}}})")
            << 200 << false << 0.0 << "/data/result is not an array";
    }

    void valueFromPrometheus()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(bool, ok);
        QFETCH(double, value);
        QFETCH(QString, errorPart);
        const DataSourceResult r = DataSourceReader::valueFromPrometheus(
            body, status, QStringLiteral("GET http://prom/api/v1/query"), QStringLiteral("up"));
        QCOMPARE(r.ok, ok);
        if (ok) {
            QCOMPARE(r.value, value);
            QVERIFY(r.error.isEmpty());
        } else {
            QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
        }
    }

    void prometheusQueryUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expectedPrefix");
        QTest::newRow("host") << "http://prom:9090"
                              << "http://prom:9090/api/v1/query?query=";
        QTest::newRow("slash") << "http://prom:9090/"
                               << "http://prom:9090/api/v1/query?query=";
        QTest::newRow("prefix") << "https://mon.example/prometheus/"
                                << "https://mon.example/prometheus/api/v1/query?query=";
        QTest::newRow("full") << "http://prom/api/v1/query"
                              << "http://prom/api/v1/query?query=";
    }

    void prometheusQueryUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, expectedPrefix);
        const QString query = QStringLiteral(R"(sum(rate(x{job="a+b"}[5m])) + 1)");
        const QUrl url = DataSourceReader::prometheusQueryUrl(base, query);
        const QString encoded = url.toString(QUrl::FullyEncoded);
        QVERIFY2(encoded.startsWith(expectedPrefix), qPrintable(encoded));
        // A "+" left literal would reach Prometheus as a space.
        QVERIFY2(!encoded.mid(expectedPrefix.size()).contains(QLatin1Char('+')),
                 qPrintable(encoded));
        QCOMPARE(QUrl::fromPercentEncoding(encoded.mid(expectedPrefix.size()).toLatin1()), query);
    }

    void evaluate_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QVariant>("min");
        QTest::addColumn<QVariant>("max");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("evaluation");
        QTest::newRow("min ok") << 99.7 << QVariant(99.5) << QVariant() << true
                                << "99.7 >= 99.5 (min)";
        QTest::newRow("min equal")
            << 99.5 << QVariant(99.5) << QVariant() << true << "99.5 >= 99.5 (min)";
        QTest::newRow("min fail") << 98.2 << QVariant(99.5) << QVariant() << false
                                  << "98.2 < 99.5 (min)";
        QTest::newRow("max ok") << 180.0 << QVariant() << QVariant(200.0) << true
                                << "180 <= 200 (max)";
        QTest::newRow("max fail") << 250.0 << QVariant() << QVariant(200.0) << false
                                  << "250 > 200 (max)";
        QTest::newRow("both, max fails")
            << 5.0 << QVariant(1.0) << QVariant(4.0) << false << "5 >= 1 (min); 5 > 4 (max)";
        QTest::newRow("none") << 1.0 << QVariant() << QVariant() << true
                              << "no bounds set: a value that can be read passes";
    }

    void evaluate()
    {
        QFETCH(double, value);
        QFETCH(QVariant, min);
        QFETCH(QVariant, max);
        QFETCH(bool, passed);
        QFETCH(QString, evaluation);
        DataSource source;
        source.type = DataSource::Type::Http;
        if (min.isValid())
            source.min = min.toDouble();
        if (max.isValid())
            source.max = max.toDouble();
        DataSourceResult r;
        r.ok = true;
        r.value = value;
        DataSourceReader::evaluate(source, &r);
        QCOMPARE(r.passed, passed);
        QCOMPARE(r.evaluation, evaluation);

        DataSourceResult failed;
        failed.error = QStringLiteral("x");
        DataSourceReader::evaluate(source, &failed);
        QVERIFY(!failed.passed);
    }

    // --- rollback drills -----------------------------------------------------

    void drills()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        const QDateTime now = QDateTime(QDate(2025, 6, 15), QTime(12, 0), Qt::UTC);

        DataSourceResult r = DataSourceReader::readDrills(root, QStringLiteral("api"), now);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(
                     QLatin1String("no successful rollback drill recorded for component api")),
                 qPrintable(r.error));

        const QString drills = root + QStringLiteral("/.promotion/drills/");
        QVERIFY(
            writeFile(drills + QStringLiteral("old.json"),
                      drill(QStringLiteral("api"), now.addDays(-40), QStringLiteral("passed"))));
        QVERIFY(writeFile(drills + QStringLiteral("failed.json"),
                          drill(QStringLiteral("api"), now.addDays(-1), QStringLiteral("failed"))));
        QVERIFY(writeFile(drills + QStringLiteral("other.json"),
                          drill(QStringLiteral("web"), now.addDays(-2), QStringLiteral("passed"))));
        r = DataSourceReader::readDrills(root, QStringLiteral("api"), now);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, 40.0);
        QVERIFY2(r.detail.contains(QLatin1String(".promotion/drills/old.json")),
                 qPrintable(r.detail));

        // Any component when none is given.
        r = DataSourceReader::readDrills(root, QString(), now);
        QCOMPARE(r.value, 2.0);

        // A report whose rollback was performed counts; a dry run does not.
        const QString reports = root + QStringLiteral("/.promotion/reports/");
        QVERIFY(writeFile(
            reports + QStringLiteral("api-staging.json"),
            R"({"component":"api","date":"2025-06-10T12:00:00Z","rollback":{"performed":true,"success":true}})"));
        QVERIFY(writeFile(
            reports + QStringLiteral("api-dry.json"),
            R"({"component":"api","dry_run":true,"rollback":{"performed":true,"date":"2025-06-15T00:00:00Z"}})"));
        QVERIFY(
            writeFile(reports + QStringLiteral("api-norb.json"),
                      R"({"component":"api","date":"2025-06-15","rollback":{"performed":false}})"));
        QVERIFY(writeFile(
            reports + QStringLiteral("api-failedrb.json"),
            R"({"component":"api","rollback":{"performed":true,"success":false,"date":"2025-06-14"}})"));
        r = DataSourceReader::readDrills(root, QStringLiteral("api"), now);
        QVERIFY(r.ok);
        QCOMPARE(r.value, 5.0);
        QVERIFY2(r.detail.contains(QLatin1String("api-staging.json")), qPrintable(r.detail));

        // Malformed and future records are skipped and named, never counted.
        QVERIFY(writeFile(drills + QStringLiteral("broken.json"), "{ not json"));
        QVERIFY(writeFile(drills + QStringLiteral("nodate.json"),
                          R"({"component":"api","result":"passed"})"));
        QVERIFY(writeFile(drills + QStringLiteral("baddate.json"),
                          R"({"component":"api","result":"passed","date":"yesterday"})"));
        QVERIFY(writeFile(drills + QStringLiteral("future.json"),
                          drill(QStringLiteral("api"), now.addDays(30), QStringLiteral("passed"))));
        QVERIFY(writeFile(drills + QStringLiteral("sub/dateonly.json"),
                          R"({"component":"api","result":"passed","date":"2025-06-13"})"));
        r = DataSourceReader::readDrills(root, QStringLiteral("api"), now);
        QVERIFY(r.ok);
        QCOMPARE(r.value, 2.5); // 2025-06-13T00:00Z to 2025-06-15T12:00Z
        QVERIFY2(r.detail.contains(QLatin1String("sub/dateonly.json")), qPrintable(r.detail));
        QVERIFY2(r.detail.contains(QLatin1String("skipped 4 malformed record(s)")),
                 qPrintable(r.detail));
        QVERIFY(r.detail.contains(QLatin1String(".promotion/drills/broken.json: invalid JSON")));
        QVERIFY(
            r.detail.contains(QLatin1String(".promotion/drills/nodate.json: \"date\" is missing")));
        QVERIFY(r.detail.contains(QLatin1String("\"yesterday\" is not an ISO 8601 date")));
        QVERIFY(r.detail.contains(QLatin1String("future.json: \"date\"")));
    }

    void drillsThroughReader_data()
    {
        QTest::addColumn<int>("ageDays");
        QTest::addColumn<int>("maxAgeDays");
        QTest::addColumn<bool>("passed");
        QTest::newRow("young") << 3 << 30 << true;
        QTest::newRow("old") << 45 << 30 << false;
        QTest::newRow("no limit") << 400 << 0 << true;
    }

    void drillsThroughReader()
    {
        QFETCH(int, ageDays);
        QFETCH(int, maxAgeDays);
        QFETCH(bool, passed);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".promotion/drills/d.json")),
                          drill(QStringLiteral("api"),
                                QDateTime::currentDateTimeUtc().addDays(-ageDays),
                                QStringLiteral("passed"))));
        DataSource source;
        source.type = DataSource::Type::RollbackDrill;
        source.maxAgeDays = maxAgeDays;
        const DataSourceResult r = readNow(source, dir.path());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(qAbs(r.value - ageDays) < 0.01);
        QCOMPARE(r.passed, passed);
    }

    // --- through a real HTTP server -----------------------------------------

    void httpSource()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/uptime/api"), 200, "application/json",
                        R"({"uptime": {"7d": 99.71}})");
        server.setRoute(QStringLiteral("/plain"), 200, "text/plain", "12.5\n");
        server.setRoute(QStringLiteral("/down"), 503, "text/plain", "Service Unavailable");
        server.setRoute(QStringLiteral("/html"), 200, "text/html", "<html>login</html>");

        DataSource source;
        source.type = DataSource::Type::Http;
        source.url = server.url().toString() + QStringLiteral("/uptime/{component}");
        source.jsonPointer = QStringLiteral("/uptime/7d");
        source.min = 99.5;
        DataSourceResult r = readNow(source);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, 99.71);
        QVERIFY(r.passed);
        QCOMPARE(r.evaluation, QStringLiteral("99.71 >= 99.5 (min)"));

        source.min = 99.9;
        r = readNow(source);
        QVERIFY(r.ok);
        QVERIFY(!r.passed);

        source.jsonPointer.clear();
        source.min.reset();
        source.url = server.url(QStringLiteral("/plain")).toString();
        r = readNow(source);
        QVERIFY(r.ok);
        QCOMPARE(r.value, 12.5);

        source.url = server.url(QStringLiteral("/down")).toString();
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY(!r.passed);
        QCOMPARE(r.error,
                 QStringLiteral("GET %1 returned 503: Service Unavailable").arg(source.url));

        source.url = server.url(QStringLiteral("/html")).toString();
        source.jsonPointer = QStringLiteral("/uptime");
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("GET %1: invalid JSON").arg(source.url)),
                 qPrintable(r.error));

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        source.url = QStringLiteral("http://127.0.0.1:%1/x").arg(port);
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("GET %1 failed: ").arg(source.url)),
                 qPrintable(r.error));

        source.url = QStringLiteral("not a url");
        r = readNow(source);
        QCOMPARE(r.error, QStringLiteral("http source: \"not a url\" is not a valid URL"));
    }

    // Transient failures (503, no answer) are retried with backoff; the attempts are evidence.
    void transientFailuresAreRetried()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.setHandler(QStringLiteral("/sla"), [&calls](const TestHttpServer::Request &) {
            TestHttpServer::Response response;
            if (++calls <= 2) {
                response.status = 503;
                response.body = "busy";
            } else {
                response.contentType = "application/json";
                response.body = R"({"p95_ms": 120})";
            }
            return response;
        });
        DataSource source;
        source.type = DataSource::Type::Http;
        source.url = server.url(QStringLiteral("/sla")).toString();
        source.jsonPointer = QStringLiteral("/p95_ms");
        source.max = 300;
        TransientPolicy transient;
        transient.httpStatus = {503};

        DataSourceReader reader(&m_nam);
        reader.setTimeoutMs(3000);
        reader.setRetry(RetrySettings{3, 0.05, 2.0, 1.0, false}, transient);
        QSignalSpy spy(&reader, &DataSourceReader::finished);
        QElapsedTimer clock;
        clock.start();
        reader.read(source, QString(), QStringLiteral("api"));
        QVERIFY(spy.wait(15000));
        const DataSourceResult r = spy.first().first().value<DataSourceResult>();
        QVERIFY2(r.ok && r.passed, qPrintable(r.error));
        QCOMPARE(r.value, 120.0);
        QCOMPARE(calls, 3);
        QVERIFY(clock.elapsed() >= 150); // 50 ms + 100 ms of backoff
        QVERIFY2(r.detail.contains(QLatin1String("[3 attempts; attempt 1:")), qPrintable(r.detail));

        // Retries used up: still an error, with every attempt named.
        calls = -10;
        spy.clear();
        reader.setRetry(RetrySettings{1, 0.01, 2.0, 1.0, false}, transient);
        reader.read(source, QString(), QStringLiteral("api"));
        QVERIFY(spy.wait(15000));
        const DataSourceResult failed = spy.first().first().value<DataSourceResult>();
        QVERIFY(!failed.ok && !failed.passed);
        QVERIFY2(failed.error.contains(QLatin1String("503")) &&
                     failed.error.contains(QLatin1String("[2 attempts;")),
                 qPrintable(failed.error));
        QCOMPARE(calls, -8);

        // A status that is not transient is not retried.
        calls = -10;
        spy.clear();
        transient.httpStatus = {502};
        reader.setRetry(RetrySettings{3, 0.01, 2.0, 1.0, false}, transient);
        reader.read(source, QString(), QStringLiteral("api"));
        QVERIFY(spy.wait(15000));
        QCOMPARE(calls, -9);
    }

    void prometheusSource()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        QString seenQuery;
        server.setHandler(QStringLiteral("/prom/api/v1/query"), [&seenQuery](
                                                                    const TestHttpServer::Request
                                                                        &req) {
            seenQuery = req.queryItem(QStringLiteral("query"));
            TestHttpServer::Response response;
            response.contentType = "application/json";
            if (seenQuery.contains(QLatin1String("syntax error"))) {
                response.status = 400;
                response.body =
                    R"({"status":"error","errorType":"bad_data","error":"1:8: parse error: unexpected identifier"})";
            } else if (seenQuery.contains(QLatin1String("absent"))) {
                response.body =
                    R"({"status":"success","data":{"resultType":"vector","result":[]}})";
            } else if (seenQuery.contains(QLatin1String("garbage"))) {
                response.body = "<html>oops";
            } else {
                response.body = vector(QStringLiteral("0.4"));
            }
            return response;
        });

        DataSource source;
        source.type = DataSource::Type::Prometheus;
        source.url = server.url(QStringLiteral("/prom/")).toString();
        source.query = QStringLiteral(
            R"(100 * sum(rate(http_request_errors_total{job="{component}"}[5m])) / sum(rate(http_requests_total[5m])))");
        source.max = 1.0;
        DataSourceResult r = readNow(source);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, 0.4);
        QVERIFY(r.passed);
        QCOMPARE(
            seenQuery,
            QStringLiteral(
                R"(100 * sum(rate(http_request_errors_total{job="api"}[5m])) / sum(rate(http_requests_total[5m])))"));
        QVERIFY2(r.detail.contains(QLatin1String("{job=\"api\"}")), qPrintable(r.detail));

        source.query = QStringLiteral("syntax error here");
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("failed (HTTP 400): bad_data: 1:8: parse error")),
                 qPrintable(r.error));

        source.query = QStringLiteral("absent_metric");
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("returned no samples")), qPrintable(r.error));

        source.query = QStringLiteral("garbage");
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("response is not JSON")), qPrintable(r.error));

        // A base URL without the prefix reaches no route: a 404 without JSON.
        source.url = server.url().toString();
        source.query = QStringLiteral("up");
        r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("returned 404")), qPrintable(r.error));
    }

    void fileSource()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("perf/results.json")),
                          R"({"p95_ms": 143.2, "label": "fast"})"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("perf/api.txt")), "250\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("perf/broken.json")), R"({"p95_ms": )"));

        DataSource source;
        source.type = DataSource::Type::File;
        source.path = QStringLiteral("perf/results.json");
        source.jsonPointer = QStringLiteral("/p95_ms");
        source.max = 200;
        DataSourceResult r = readNow(source, dir.path());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, 143.2);
        QVERIFY(r.passed);
        QCOMPARE(r.detail, QStringLiteral("perf/results.json: /p95_ms = 143.2"));

        source.jsonPointer = QStringLiteral("/label");
        r = readNow(source, dir.path());
        QCOMPARE(r.error,
                 QStringLiteral("perf/results.json: /label is not a number (string \"fast\")"));

        source.path = QStringLiteral("perf/{component}.txt");
        source.jsonPointer.clear();
        r = readNow(source, dir.path());
        QVERIFY(r.ok);
        QCOMPARE(r.value, 250.0);
        QVERIFY(!r.passed);
        QCOMPARE(r.evaluation, QStringLiteral("250 > 200 (max)"));

        source.path = QStringLiteral("perf/broken.json");
        source.jsonPointer = QStringLiteral("/p95_ms");
        r = readNow(source, dir.path());
        QVERIFY2(r.error.startsWith(QLatin1String("perf/broken.json: invalid JSON at offset")),
                 qPrintable(r.error));

        source.path = QStringLiteral("perf/missing.json");
        r = readNow(source, dir.path());
        QCOMPARE(r.error, QStringLiteral("perf/missing.json: file does not exist"));

        source.path = QStringLiteral("../outside.json");
        r = readNow(source, dir.path());
        QCOMPARE(r.error, QStringLiteral("../outside.json: path leaves the workspace"));
    }

    void noneSourceNeedsAPerson()
    {
        DataSource source;
        const DataSourceResult r = readNow(source);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("a person must attest")));
    }

    void cancelAndSupersede()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.setRoute(QStringLiteral("/slow"), 200, "text/plain", "1");
        server.setDelay(QStringLiteral("/slow"), 2000);
        server.setRoute(QStringLiteral("/fast"), 200, "text/plain", "2");

        DataSourceReader reader(&m_nam);
        QSignalSpy spy(&reader, &DataSourceReader::finished);
        DataSource slow;
        slow.type = DataSource::Type::Http;
        slow.url = server.url(QStringLiteral("/slow")).toString();
        reader.read(slow, QString(), QString());
        QVERIFY(reader.isBusy());
        QTRY_COMPARE(server.requestCount(QStringLiteral("/slow")), 1);
        reader.cancel();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<DataSourceResult>().error, QStringLiteral("cancelled"));
        QVERIFY(!reader.isBusy());

        DataSource fast = slow;
        fast.url = server.url(QStringLiteral("/fast")).toString();
        reader.read(slow, QString(), QString());
        reader.read(fast, QString(), QString());
        QCOMPARE(spy.count(), 2);
        QVERIFY(spy.at(1).at(0).value<DataSourceResult>().error.startsWith(
            QLatin1String("cancelled: a new read")));
        QVERIFY(spy.wait(10000));
        QCOMPARE(spy.count(), 3);
        const DataSourceResult r = spy.at(2).at(0).value<DataSourceResult>();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, 2.0);
        // The superseded slow reply must not produce a late fourth signal.
        QTest::qWait(2500);
        QCOMPARE(spy.count(), 3);
    }
};

QTEST_GUILESS_MAIN(TstDataSourceReader)
#include "tst_datasourcereader.moc"
