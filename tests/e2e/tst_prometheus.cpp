// SPDX-License-Identifier: GPL-3.0-or-later
// A real Prometheus (Debian's prometheus package) started by the test on 127.0.0.1 at a free
// port, from a temporary config with its storage in a temporary directory, scraping the demo
// service every second. The verification window takes its error rate and p95 from PromQL:
// a healthy window passes, a window with 2 % errors rolls back. The 7-day uptime gate is a
// real avg_over_time(up[7d]) query; errors, empty results and NaN are gate errors.
// Skipped (and it says so) only when the prometheus binary is missing.
#include "health/datasourcereader.h"
#include "promotetestsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace PromoteTest;
using Promotion::DataSource;
using Promotion::DataSourceReader;
using Promotion::DataSourceResult;

namespace {

const QString kComponent = QStringLiteral("agent_orchestration");

QStringList agentToStaging()
{
    return {QStringLiteral("--component"),
            kComponent,
            QStringLiteral("--from"),
            QStringLiteral("development"),
            QStringLiteral("--to"),
            QStringLiteral("staging"),
            QStringLiteral("--accept-criteria"),
            QStringLiteral("all"),
            QStringLiteral("--approve"),
            QStringLiteral("tech_lead=Ada Lead <ada@example.org>"),
            QStringLiteral("--approve"),
            QStringLiteral("qa=Bob QA <bob@example.org>")};
}

QString reportFile(const DemoCopy &demo)
{
    const QDir dir(demo.path() + QStringLiteral("/.promotion/reports"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    return files.isEmpty() ? QString() : dir.filePath(files.first());
}

/*! GET \a url synchronously (events flow); the body, or empty with \a status 0. */
QByteArray httpGet(QNetworkAccessManager &nam, const QUrl &url, int *status)
{
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        reply->abort();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

/*! Prometheus on a free loopback port, scraping \a target's demo metrics every second. */
class PrometheusServer
{
public:
    PrometheusServer(const QString &binary, quint16 demoPort)
        : m_port(freePort())
    {
        const QByteArray config = QStringLiteral("global:\n"
                                                 "  scrape_interval: 1s\n"
                                                 "  evaluation_interval: 1s\n"
                                                 "scrape_configs:\n"
                                                 "  - job_name: demo\n"
                                                 "    scrape_interval: 1s\n"
                                                 "    scrape_timeout: 900ms\n"
                                                 "    metrics_path: /metrics\n"
                                                 "    params:\n"
                                                 "      namespace: [tta-staging]\n"
                                                 "      deployment: [agent_orchestration]\n"
                                                 "    static_configs:\n"
                                                 "      - targets: ['127.0.0.1:%1']\n")
                                      .arg(demoPort)
                                      .toUtf8();
        QFile f(m_dir.filePath(QStringLiteral("prometheus.yml")));
        if (!f.open(QIODevice::WriteOnly) || f.write(config) != config.size())
            return;
        f.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary, {QStringLiteral("--config.file=") + f.fileName(),
                                 QStringLiteral("--storage.tsdb.path=") +
                                     m_dir.filePath(QStringLiteral("data")),
                                 QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                                 QStringLiteral("--log.level=warn")});
        m_process.waitForStarted(10000);
    }
    ~PrometheusServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QByteArray output() { return m_process.readAll(); }
    bool running() const { return m_process.state() == QProcess::Running; }

    /*! Instant query; the first sample's value as text, empty if none. */
    QString query(QNetworkAccessManager &nam, const QString &promql)
    {
        int status = 0;
        const QByteArray body =
            httpGet(nam, DataSourceReader::prometheusQueryUrl(url(), promql), &status);
        const QJsonArray result = parseJson(body)
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("result"))
                                      .toArray();
        return result.isEmpty() ? QString()
                                : result.first()
                                      .toObject()
                                      .value(QStringLiteral("value"))
                                      .toArray()
                                      .at(1)
                                      .toString();
    }

private:
    QTemporaryDir m_dir;
    quint16 m_port;
    QProcess m_process;
};

// The window's queries over 5 s (Prometheus scrapes every second), so a short demo window sees
// the new revision rather than a minute of the old one.
const char *kPolicy = R"(
    prometheus:
      url: "%1"
      error_ratio: 'sum(rate(http_request_errors_total[5s])) / sum(rate(http_requests_total[5s]))'
      p95_seconds: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5s])))'
)";

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (m_binary.isEmpty())
            QSKIP("prometheus is not installed (Debian: apt-get install prometheus, or "
                  "packaging/install-deps-debian.sh); the real-Prometheus tests need it");
        QVERIFY(QFile::exists(QStringLiteral(APP_BINARY)));
    }

    void uptimeGateAndQueryErrors()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        std::unique_ptr<PrometheusServer> prom;
        QVERIFY(startAll(demo, &prom));

        DataSource source;
        source.type = DataSource::Type::Prometheus;
        source.url = prom->url();
        source.query = QStringLiteral("avg_over_time(up[7d]) * 100");
        source.min = 99.5;
        DataSourceResult r = read(source, demo.path());
        QVERIFY2(r.ok && r.passed, qPrintable(r.error + r.evaluation));
        QCOMPARE(r.value, 100.0);
        QVERIFY2(r.detail.contains(QLatin1String("job=\"demo\"")), qPrintable(r.detail));

        // Empty result, NaN and a bad query are errors, never passes.
        source.min.reset();
        source.query = QStringLiteral("avg_over_time(up{job=\"nothing\"}[7d])");
        r = read(source, demo.path());
        QVERIFY(!r.ok && !r.passed);
        QVERIFY2(r.error.contains(QLatin1String("no samples")), qPrintable(r.error));
        source.query = QStringLiteral("sum(up) * (0/0)");
        r = read(source, demo.path());
        QVERIFY(!r.ok && !r.passed);
        QVERIFY2(r.error.contains(QLatin1String("not a finite number")), qPrintable(r.error));
        source.query = QStringLiteral("rate(up[");
        r = read(source, demo.path());
        QVERIFY(!r.ok && !r.passed);
        QVERIFY2(r.error.contains(QLatin1String("bad_data")), qPrintable(r.error));
    }

    void healthyWindowPasses()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        std::unique_ptr<PrometheusServer> prom;
        QVERIFY(startAll(demo, &prom));
        QVERIFY(usePrometheus(demo, prom->url()));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err + prom->output()).constData());
        const QJsonObject report = readJson(reportFile(demo));
        const QJsonObject details = report.value(QStringLiteral("validation"))
                                        .toObject()
                                        .value(QStringLiteral("details"))
                                        .toObject();
        // The baseline and every sample came from PromQL (metrics_url is unreachable here).
        QVERIFY(details.value(QStringLiteral("baseline"))
                    .toObject()
                    .value(QStringLiteral("available"))
                    .toBool());
        const QJsonArray samples = details.value(QStringLiteral("samples")).toArray();
        QVERIFY(samples.size() >= 3);
        int withRates = 0;
        for (const QJsonValue &v : samples) {
            const QJsonObject s = v.toObject();
            if (s.value(QStringLiteral("p95_ms")).toDouble() > 0) {
                ++withRates;
                QVERIFY(s.value(QStringLiteral("error_rate_percent")).toDouble() <= 1.0);
            }
        }
        QVERIFY2(withRates >= 3, qPrintable(QJsonDocument(samples).toJson()));
    }

    void errorWindowRollsBack()
    {
        DemoCopy demo;
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        std::unique_ptr<PrometheusServer> prom;
        QVERIFY(startAll(demo, &prom));
        QVERIFY(usePrometheus(demo, prom->url()));
        demo.setEnv(QStringLiteral("DEMO_ERROR_RATE"), QStringLiteral("2"));
        const Run r = demo.promote(agentToStaging());
        QVERIFY2(r.finished, "promote did not finish");
        QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
        const QJsonObject report = readJson(reportFile(demo));
        QCOMPARE(report.value(QStringLiteral("outcome")).toString(), QStringLiteral("rolled_back"));
        const QJsonObject rollback = report.value(QStringLiteral("rollback")).toObject();
        QCOMPARE(rollback.value(QStringLiteral("trigger")).toString(),
                 QStringLiteral("error_rate"));
        QCOMPARE(rollback.value(QStringLiteral("performed")).toBool(), true);
        QVERIFY2(report.value(QStringLiteral("outcome_summary"))
                     .toString()
                     .contains(QLatin1String("rolled back to revision 1")),
                 qPrintable(report.value(QStringLiteral("outcome_summary")).toString()));
    }

private:
    DataSourceResult read(const DataSource &source, const QString &root)
    {
        DataSourceReader reader(&m_nam);
        reader.setTimeoutMs(5000);
        QSignalSpy spy(&reader, &DataSourceReader::finished);
        reader.read(source, root, kComponent);
        if (!spy.wait(15000))
            return DataSourceResult{false, 0, {}, QStringLiteral("no answer"), false, {}};
        return spy.first().first().value<DataSourceResult>();
    }

    /*! The demo service up (a kubectl call starts it), Prometheus scraping it, and the
     *  window's queries answering with values. */
    bool startAll(const DemoCopy &demo, std::unique_ptr<PrometheusServer> *prom)
    {
        QProcess kubectl;
        kubectl.setProcessEnvironment(demo.environment());
        kubectl.setWorkingDirectory(demo.path());
        kubectl.start(demo.path() + QStringLiteral("/tools/bin/kubectl"),
                      {QStringLiteral("top"), QStringLiteral("pods"), QStringLiteral("-n"),
                       QStringLiteral("tta-staging")});
        if (!kubectl.waitForFinished(30000) || kubectl.exitCode() != 0) {
            qWarning("kubectl top: %s", kubectl.readAllStandardError().constData());
            return false;
        }
        *prom = std::make_unique<PrometheusServer>(m_binary, demo.port());
        PrometheusServer &p = **prom;
        const bool ready = QTest::qWaitFor(
            [&] {
                return !p.running() ||
                       (!p.query(m_nam, QStringLiteral("sum(rate(http_requests_total[5s]))"))
                             .isEmpty() &&
                        !p.query(m_nam, QStringLiteral(
                                            "histogram_quantile(0.95, sum by (le) "
                                            "(rate(http_request_duration_seconds_bucket[5s])))"))
                             .isEmpty());
            },
            60000);
        if (!ready || !p.running()) {
            qWarning("prometheus did not become ready: %s", p.output().constData());
            return false;
        }
        return p.query(m_nam, QStringLiteral("up")) == QLatin1String("1");
    }

    /*! The copy's policy takes the window from \a url; its /metrics URL leads nowhere, so a
     *  pass cannot come from scraping it. */
    static bool usePrometheus(const DemoCopy &demo, const QString &url)
    {
        QString text = demo.readFile(QStringLiteral("promotion.yaml"));
        const QString metrics = QStringLiteral("  metrics_url: ");
        const qsizetype at = text.indexOf(metrics);
        if (at < 0)
            return false;
        const qsizetype end = text.indexOf(QLatin1Char('\n'), at);
        text.replace(at, end - at,
                     QStringLiteral("  metrics_url: \"http://127.0.0.1:9/metrics\"") +
                         QString::fromLatin1(kPolicy)
                             .arg(url)
                             .replace(QStringLiteral("\n    "), QStringLiteral("\n  "))
                             .chopped(1));
        QFile f(demo.path() + QStringLiteral("/promotion.yaml"));
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               f.write(text.toUtf8()) == text.toUtf8().size();
    }

    QString m_binary;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
