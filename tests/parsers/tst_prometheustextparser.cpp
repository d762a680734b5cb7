// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus text exposition parser, against scrapes of a real prometheus_client
// registry (tests/data/parsers/README.md), and PromQL's histogram_quantile arithmetic.

#include "health/prometheustextparser.h"
#include "testconfig.h"

#include <cmath>
#include <limits>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TEST_DATA_DIR "/parsers/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot open fixture %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

constexpr double kInf = std::numeric_limits<double>::infinity();

QList<HistogramBucket> buckets(std::initializer_list<std::pair<double, double>> list)
{
    QList<HistogramBucket> out;
    for (const auto &[le, count] : list)
        out.append(HistogramBucket{le, count});
    return out;
}

} // namespace

class TestPrometheusTextParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void realScrapes_data();
    void realScrapes();
    void helpTypeAndEscapes();
    void specialValues();
    void sums();
    void histogramBucketsAggregated();
    void quantileFromRealScrapes_data();
    void quantileFromRealScrapes();
    void histogramQuantile_data();
    void histogramQuantile();
    void counterReset();
    void syntaxVariants_data();
    void syntaxVariants();
    void malformed_data();
    void malformed();
};

void TestPrometheusTextParser::realScrapes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("families");
    QTest::newRow("scrape 1") << "prometheus-scrape1.txt" << 39 << 10;
    QTest::newRow("scrape 2") << "prometheus-scrape2.txt" << 43 << 10;
    QTest::newRow("python default collectors") << "prometheus-python-default.txt" << 16 << 10;
}

void TestPrometheusTextParser::realScrapes()
{
    QFETCH(QString, file);
    QFETCH(int, samples);
    QFETCH(int, families);
    const ParseResult<PrometheusScrape> r = PrometheusTextParser::parse(fixture(file));
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->samples.size(), samples);
    QCOMPARE(r->families.size(), families);
    for (const PrometheusSample &s : r->samples) {
        QVERIFY(s.line > 0);
        QVERIFY(!s.timestampMs.has_value()); // prometheus_client writes none
    }
}

void TestPrometheusTextParser::helpTypeAndEscapes()
{
    const ParseResult<PrometheusScrape> r =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape2.txt")));
    QVERIFY2(r, qPrintable(r.error));
    const PrometheusMetricFamily requests =
        r->families.value(QStringLiteral("http_requests_total"));
    QVERIFY(requests.type == PrometheusMetricFamily::Type::Counter);
    QCOMPARE(requests.help, QStringLiteral("Requests served.\nSecond line with a \\ backslash."));
    QVERIFY(r->families.value(QStringLiteral("http_request_duration_seconds")).type ==
            PrometheusMetricFamily::Type::Histogram);
    QVERIFY(r->families.value(QStringLiteral("response_size_bytes")).type ==
            PrometheusMetricFamily::Type::Summary);
    QVERIFY(r->families.value(QStringLiteral("queue_depth")).type ==
            PrometheusMetricFamily::Type::Gauge);

    // queue_depth{queue="weird \"q\" \\ name\nline2"} 1.0
    const QList<PrometheusSample> weird =
        r->series(QStringLiteral("queue_depth"),
                  {{QStringLiteral("queue"), QStringLiteral("weird \"q\" \\ name\nline2")}});
    QCOMPARE(weird.size(), 1);
    QCOMPARE(weird.first().value, 1.0);
    QCOMPARE(weird.first().line, 46);

    const QList<PrometheusSample> build = r->series(QStringLiteral("build_info"));
    QCOMPARE(build.size(), 1);
    QCOMPARE(build.first().labels,
             PrometheusLabels({{QStringLiteral("revision"), QStringLiteral("abc123")},
                               {QStringLiteral("version"), QStringLiteral("1.4.2")}}));
}

void TestPrometheusTextParser::specialValues()
{
    const ParseResult<PrometheusScrape> r =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape1.txt")));
    QVERIFY2(r, qPrintable(r.error));
    QVERIFY(std::isnan(r->series(QStringLiteral("cache_hit_ratio")).first().value));
    QCOMPARE(
        r->series(QStringLiteral("rate_limit"), {{QStringLiteral("kind"), QStringLiteral("upper")}})
            .first()
            .value,
        kInf);
    QCOMPARE(
        r->series(QStringLiteral("rate_limit"), {{QStringLiteral("kind"), QStringLiteral("lower")}})
            .first()
            .value,
        -kInf);
    // 1.7956875395128818e+09: exponent notation
    QVERIFY(r->sum(QStringLiteral("http_requests_created")).value() > 1.7e9 * 2);
    // NaN propagates through sum(), as in PromQL.
    QVERIFY(std::isnan(*r->sum(QStringLiteral("cache_hit_ratio"))));
}

void TestPrometheusTextParser::sums()
{
    const ParseResult<PrometheusScrape> r1 =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape1.txt")));
    const ParseResult<PrometheusScrape> r2 =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape2.txt")));
    QVERIFY2(r1, qPrintable(r1.error));
    QVERIFY2(r2, qPrintable(r2.error));
    const QString requests = QStringLiteral("http_requests_total");
    QCOMPARE(r1->sum(requests), 400.0);
    QCOMPARE(r2->sum(requests), 650.0);
    const PrometheusLabels errors{{QStringLiteral("status"), QStringLiteral("500")}};
    QVERIFY(!r1->sum(requests, errors).has_value()); // no 500 series yet: absent, not 0
    QCOMPARE(r2->sum(requests, errors), 6.0);
    QCOMPARE(r2->sum(requests, {{QStringLiteral("status"), QStringLiteral("500")},
                                {QStringLiteral("path"), QStringLiteral("/api/orders")}}),
             4.0);
    QCOMPARE(r2->sumIf(requests,
                       [](const PrometheusLabels &l) {
                           return l.value(QStringLiteral("status")).startsWith(QLatin1Char('5'));
                       }),
             6.0);
    QVERIFY(!r2->sum(QStringLiteral("no_such_metric")).has_value());
    QCOMPARE(r2->sum(QStringLiteral("http_request_duration_seconds_count")), 650.0);
    QVERIFY(qAbs(*r2->sum(QStringLiteral("http_request_duration_seconds_sum")) -
                 (22.536605579320042 + 29.68724125814508)) < 1e-9);
}

void TestPrometheusTextParser::histogramBucketsAggregated()
{
    const ParseResult<PrometheusScrape> r =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape2.txt")));
    QVERIFY2(r, qPrintable(r.error));
    const QList<HistogramBucket> all =
        r->histogramBuckets(QStringLiteral("http_request_duration_seconds"));
    const QList<double> bounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, kInf};
    const QList<double> counts{32, 68, 166, 292, 462, 623, 648, 650, 650, 650};
    QCOMPARE(all.size(), bounds.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).upperBound, bounds.at(i));
        QCOMPARE(all.at(i).count, counts.at(i));
    }
    const QList<HistogramBucket> items =
        r->histogramBuckets(QStringLiteral("http_request_duration_seconds_bucket"),
                            {{QStringLiteral("handler"), QStringLiteral("/api/items")}});
    QCOMPARE(items.size(), 10);
    QCOMPARE(items.first().count, 18.0);
    QCOMPARE(items.last().count, 311.0);
    QVERIFY(r->histogramBuckets(QStringLiteral("nope")).isEmpty());
}

void TestPrometheusTextParser::quantileFromRealScrapes_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<QString>("handler"); // empty: all handlers
    QTest::addColumn<double>("expected");
    // Expected values from an independent Python transcription of Prometheus' bucketQuantile.
    QTest::newRow("p50") << 0.5 << "" << 0.062987012987013;
    QTest::newRow("p95") << 0.95 << "" << 0.2435344827586207;
    QTest::newRow("p99") << 0.99 << "" << 0.4375;
    QTest::newRow("p95 /api/items") << 0.95 << "/api/items" << 0.2283333333333333;
}

void TestPrometheusTextParser::quantileFromRealScrapes()
{
    QFETCH(double, q);
    QFETCH(QString, handler);
    QFETCH(double, expected);
    const ParseResult<PrometheusScrape> r1 =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape1.txt")));
    const ParseResult<PrometheusScrape> r2 =
        PrometheusTextParser::parse(fixture(QStringLiteral("prometheus-scrape2.txt")));
    QVERIFY2(r1 && r2, qPrintable(r1.error + r2.error));
    PrometheusLabels filter;
    if (!handler.isEmpty())
        filter.insert(QStringLiteral("handler"), handler);
    const QString name = QStringLiteral("http_request_duration_seconds");
    bool reset = true;
    const double value = PrometheusTextParser::quantileFromDeltas(
        q, r1->histogramBuckets(name, filter), r2->histogramBuckets(name, filter), &reset);
    QVERIFY(!reset);
    QVERIFY2(qAbs(value - expected) < 1e-12, qPrintable(QString::number(value, 'g', 17)));
}

void TestPrometheusTextParser::histogramQuantile_data()
{
    QTest::addColumn<double>("q");
    QTest::addColumn<QList<HistogramBucket>>("input");
    QTest::addColumn<double>("expected"); // NaN: no answer

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<HistogramBucket> simple = buckets({{0.1, 50}, {0.5, 90}, {1, 100}, {kInf, 100}});
    QTest::newRow("first bucket from 0") << 0.2 << simple << 0.04;
    QTest::newRow("interpolated") << 0.7 << simple << 0.3;
    QTest::newRow("exact bound") << 0.9 << simple << 0.5;
    QTest::newRow("unsorted input")
        << 0.7 << buckets({{kInf, 100}, {1, 100}, {0.1, 50}, {0.5, 90}}) << 0.3;
    QTest::newRow("rank in +Inf bucket")
        << 0.99 << buckets({{0.1, 10}, {1, 20}, {kInf, 40}}) << 1.0;
    QTest::newRow("q = 0") << 0.0 << simple << 0.0;
    QTest::newRow("q = 1") << 1.0 << simple << 1.0;
    QTest::newRow("q < 0") << -0.5 << simple << -kInf;
    QTest::newRow("q > 1") << 1.5 << simple << kInf;
    QTest::newRow("no +Inf bucket") << 0.5 << buckets({{0.1, 5}, {1, 10}}) << nan;
    QTest::newRow("no observations") << 0.5 << buckets({{0.1, 0}, {kInf, 0}}) << nan;
    QTest::newRow("only +Inf") << 0.5 << buckets({{kInf, 10}}) << nan;
    QTest::newRow("empty") << 0.5 << QList<HistogramBucket>() << nan;
    QTest::newRow("negative first bound") << 0.1 << buckets({{-1, 5}, {0, 10}, {kInf, 10}}) << -1.0;
    QTest::newRow("non-monotonic counts are fixed up")
        << 0.5 << buckets({{1, 10}, {2, 8}, {4, 20}, {kInf, 20}}) << 1.0;
    QTest::newRow("duplicate bounds coalesced")
        << 0.5 << buckets({{1, 5}, {1, 5}, {2, 20}, {kInf, 20}}) << 1.0;
}

void TestPrometheusTextParser::histogramQuantile()
{
    QFETCH(double, q);
    QFETCH(QList<HistogramBucket>, input);
    QFETCH(double, expected);
    const double value = PrometheusTextParser::histogramQuantile(q, input);
    if (std::isnan(expected))
        QVERIFY2(std::isnan(value), qPrintable(QString::number(value)));
    else if (std::isinf(expected))
        QCOMPARE(value, expected);
    else
        QVERIFY2(qAbs(value - expected) < 1e-12, qPrintable(QString::number(value, 'g', 17)));
}

void TestPrometheusTextParser::counterReset()
{
    const QList<HistogramBucket> before = buckets({{0.1, 100}, {1, 200}, {kInf, 200}});
    const QList<HistogramBucket> after = buckets({{0.1, 4}, {1, 10}, {kInf, 10}}); // restarted
    bool reset = false;
    const QList<HistogramBucket> delta = PrometheusTextParser::bucketDeltas(before, after, &reset);
    QVERIFY(reset);
    QCOMPARE(delta.at(0).count, 4.0);
    QCOMPARE(delta.at(2).count, 10.0);
    QVERIFY(qAbs(PrometheusTextParser::quantileFromDeltas(0.5, before, after) -
                 (0.1 + 0.9 * (1.0 / 6.0))) < 1e-12);

    // A bucket that appeared only in the later scrape counts from zero.
    const QList<HistogramBucket> grown = buckets({{0.1, 110}, {0.5, 5}, {1, 230}, {kInf, 230}});
    const QList<HistogramBucket> d2 = PrometheusTextParser::bucketDeltas(before, grown, &reset);
    QVERIFY(!reset);
    QCOMPARE(d2.size(), 4);
    QCOMPARE(d2.at(0).count, 10.0);
    QCOMPARE(d2.at(1).count, 5.0);
    QCOMPARE(d2.at(2).count, 30.0);
}

void TestPrometheusTextParser::syntaxVariants_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<PrometheusLabels>("labels");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("hasTimestamp");
    QTest::addColumn<qint64>("timestamp");

    // From the exposition format documentation's example.
    QTest::newRow("timestamp")
        << QByteArray("http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n")
        << "http_requests_total" << PrometheusLabels{{"method", "post"}, {"code", "200"}} << 1027.0
        << true << qint64(1395066363000);
    QTest::newRow("negative timestamp")
        << QByteArray("metric_without_timestamp_and_labels 12.47 -1\n")
        << "metric_without_timestamp_and_labels" << PrometheusLabels() << 12.47 << true
        << qint64(-1);
    QTest::newRow("trailing comma, blanks, CRLF")
        << QByteArray("# A comment\r\n  m { a = \"1\" , b=\"x\", }\t3e2  \r\n") << "m"
        << PrometheusLabels{{"a", "1"}, {"b", "x"}} << 300.0 << false << qint64(0);
    QTest::newRow("colon in name, empty labels")
        << QByteArray("job:rate5m{} +Inf\n") << "job:rate5m" << PrometheusLabels() << kInf << false
        << qint64(0);
    QTest::newRow("unknown escape kept")
        << QByteArray("m{path=\"C:\\\\dir\\x\"} 1\n") << "m"
        << PrometheusLabels{{"path", "C:\\dir\\x"}} << 1.0 << false << qint64(0);
    QTest::newRow("UTF-8 label value")
        << QByteArray("m{city=\"K\xc3\xb6ln\"} 2\n") << "m"
        << PrometheusLabels{{"city", QStringLiteral("K\u00f6ln")}} << 2.0 << false << qint64(0);
    QTest::newRow("OpenMetrics exemplar and EOF")
        << QByteArray("# TYPE foo counter\nfoo_total 17.0 1520879607789 # "
                      "{trace_id=\"KOO5S4vxi0o\"} 0.67\n# EOF\n")
        << "foo_total" << PrometheusLabels() << 17.0 << true << qint64(1520879607789);
}

void TestPrometheusTextParser::syntaxVariants()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(PrometheusLabels, labels);
    QFETCH(double, value);
    QFETCH(bool, hasTimestamp);
    QFETCH(qint64, timestamp);
    const ParseResult<PrometheusScrape> r = PrometheusTextParser::parse(text);
    QVERIFY2(r, qPrintable(r.error));
    QCOMPARE(r->samples.size(), 1);
    const PrometheusSample &s = r->samples.first();
    QCOMPARE(s.name, name);
    QCOMPARE(s.labels, labels);
    QCOMPARE(s.value, value);
    QCOMPARE(s.timestampMs.has_value(), hasTimestamp);
    if (hasTimestamp)
        QCOMPARE(*s.timestampMs, timestamp);
}

void TestPrometheusTextParser::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no value") << QByteArray("# HELP a b\na 1\nb\n")
                              << "line 3, column 2: sample \"b\" has no value";
    QTest::newRow("value not a number")
        << QByteArray("a{x=\"1\"} one\n")
        << "line 1, column 10: the value of \"a\" is not a number: \"one\"";
    QTest::newRow("unterminated label value")
        << QByteArray("ok 1\na{x=\"1} 2\n")
        << "line 2, column 6: the value of label \"x\" is not closed";
    QTest::newRow("missing =") << QByteArray("a{x\"1\"} 2\n")
                               << "line 1, column 4: expected '=' after label name \"x\"";
    QTest::newRow("bad label name")
        << QByteArray("a{1x=\"1\"} 2\n") << "line 1, column 3: expected a label name";
    QTest::newRow("duplicate label")
        << QByteArray("a{x=\"1\",x=\"2\"} 2\n") << "line 1, column 9: label \"x\" appears twice";
    QTest::newRow("unclosed label set")
        << QByteArray("a{x=\"1\" 2\n") << "expected ',' or '}' after the value of label \"x\"";
    QTest::newRow("bad metric name")
        << QByteArray("1abc 2\n") << "line 1, column 1: expected a metric name";
    QTest::newRow("bad char in name")
        << QByteArray("a-b 2\n") << "line 1, column 2: unexpected \"-\" in the metric name";
    QTest::newRow("float timestamp")
        << QByteArray("a 1 2.5\n") << "line 1, column 5: the timestamp of \"a\" is not an integer";
    QTest::newRow("trailing text")
        << QByteArray("a 1 2 3\n") << "line 1, column 7: unexpected text after the sample";
    QTest::newRow("unknown type") << QByteArray("# TYPE a countr\na 1\n")
                                  << "line 1: unknown metric type \"countr\" for \"a\"";
    QTest::newRow("second TYPE") << QByteArray("# TYPE a counter\n# TYPE a gauge\n")
                                 << "line 2: a second TYPE line for \"a\"";
    QTest::newRow("second HELP") << QByteArray("# HELP a x\n# HELP a y\n")
                                 << "line 2: a second HELP line for \"a\"";
    QTest::newRow("HELP without name")
        << QByteArray("# HELP \n") << "line 1: HELP names no valid metric";
    QTest::newRow("bucket without le")
        << QByteArray("# TYPE h histogram\nh_bucket{x=\"1\"} 2\n")
        << "line 2: histogram bucket \"h_bucket\" needs a numeric \"le\" label, has none";
    QTest::newRow("bucket with bad le")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"big\"} 2\n") << "has \"big\"";
    QTest::newRow("duplicate series") << QByteArray("a{x=\"1\"} 1\na{x=\"1\"} 2\n")
                                      << "line 2: series \"a\" with these labels appears twice";
    QTest::newRow("binary") << QByteArray("\x01\x02\x03 4\n")
                            << "line 1, column 1: expected a metric name";
    QTest::newRow("HTML error page") << QByteArray("<html><body>502 Bad Gateway</body></html>\n")
                                     << "line 1, column 1: expected a metric name";
}

void TestPrometheusTextParser::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const ParseResult<PrometheusScrape> r = PrometheusTextParser::parse(text);
    QVERIFY2(!r, "malformed exposition was accepted");
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY(r.error.startsWith(QStringLiteral("Prometheus text: line ")));
}

QTEST_GUILESS_MAIN(TestPrometheusTextParser)
#include "tst_prometheustextparser.moc"
