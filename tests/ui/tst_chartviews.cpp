// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpalette.h"
#include "coveragechartview.h"
#include "healthchartview.h"

#include <cmath>
#include <limits>
#include <QAreaSeries>
#include <QChart>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>

using namespace Promotion;

namespace {

QList<StageDefinition> seedStages()
{
    return {{QStringLiteral("development"), 60},
            {QStringLiteral("staging"), 70},
            {QStringLiteral("production"), 80}};
}

template <typename T> T *seriesNamed(QChart *chart, const QString &objectName)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->objectName() == objectName)
            return qobject_cast<T *>(s);
    }
    return nullptr;
}

/*! Pixels of \a image within a small distance of \a colour. */
int pixelsNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) +
                    qAbs(c.blue() - colour.blue()) <
                24)
                ++count;
        }
    }
    return count;
}

/*! Keep a rendering for a person to look at when PROMOTION_TEST_IMAGES names a directory. */
void keepImage(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PROMOTION_TEST_IMAGES");
    if (!dir.isEmpty())
        widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestChartViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // ------------------------------------------------------------ coverage

    void coverageVerdict_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("coverage");
        QTest::addColumn<int>("verdict"); // 1 pass, 0 fail, -1 unknown
        QTest::addColumn<QString>("summary");
        QTest::newRow("staging, below")
            << "staging" << 65.0 << 0 << "below the staging threshold of 70 %";
        QTest::newRow("staging, exactly")
            << "staging" << 70.0 << 1 << "meets the staging threshold of 70 %";
        QTest::newRow("production, above") << "production" << 83.4 << 1 << "Coverage 83.4 % meets";
        QTest::newRow("production, between")
            << "production" << 75.0 << 0 << "below the production threshold of 80 %";
        QTest::newRow("unknown target") << "qa" << 75.0 << -1 << "Coverage 75 %.";
    }

    void coverageVerdict()
    {
        QFETCH(QString, target);
        QFETCH(double, coverage);
        QFETCH(int, verdict);
        QFETCH(QString, summary);

        CoverageChartView view;
        view.setStages(seedStages());
        view.setTargetStage(target);
        view.setCoverage(coverage);
        if (verdict < 0) {
            QVERIFY(!view.passes().has_value());
            QCOMPARE(view.barColor(), ChartPalette::primary(view.palette()));
        } else {
            QCOMPARE(view.passes().value(), verdict == 1);
            QCOMPARE(view.barColor(), verdict == 1 ? ChartPalette::pass(view.palette())
                                                   : ChartPalette::fail(view.palette()));
        }
        auto *label = view.findChild<QLabel *>(QStringLiteral("coverageSummaryLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(summary), qPrintable(label->text()));
        auto *bar = seriesNamed<QAreaSeries>(view.chart(), QStringLiteral("coverageBar"));
        QVERIFY(bar && bar->isVisible());
        QCOMPARE(bar->brush().color(), view.barColor());
        QCOMPARE(bar->upperSeries()->at(1).x(), coverage);
    }

    void coverageThresholdLines()
    {
        CoverageChartView view;
        view.setStages(seedStages());
        view.setTargetStage(QStringLiteral("staging"));
        for (const StageDefinition &s : seedStages()) {
            auto *line =
                seriesNamed<QLineSeries>(view.chart(), QStringLiteral("coverageThreshold-") + s.id);
            QVERIFY2(line, qPrintable(s.id));
            QCOMPARE(line->count(), 2);
            QCOMPARE(line->at(0).x(), s.coverageMin);
            QCOMPARE(line->at(1).x(), s.coverageMin);
            QVERIFY(line->name().contains(s.id));
            // The target's line is the heavy, solid one.
            const bool target = s.id == QLatin1String("staging");
            QCOMPARE(line->pen().style(), target ? Qt::SolidLine : Qt::DashLine);
            QVERIFY(target ? line->pen().widthF() > 2 : line->pen().widthF() < 2);
        }
        // Changing the stages replaces the lines instead of piling them up.
        const int before = int(view.chart()->series().size());
        view.setStages(seedStages());
        view.setTargetStage(QStringLiteral("production"));
        QCOMPARE(int(view.chart()->series().size()), before);
        auto *production =
            seriesNamed<QLineSeries>(view.chart(), QStringLiteral("coverageThreshold-production"));
        QCOMPARE(production->pen().style(), Qt::SolidLine);
    }

    void coverageNotMeasured()
    {
        CoverageChartView view;
        view.setStages(seedStages());
        view.setTargetStage(QStringLiteral("staging"));
        view.setCoverage(std::nullopt);
        QVERIFY(!view.coverage());
        QVERIFY(!view.passes());
        auto *bar = seriesNamed<QAreaSeries>(view.chart(), QStringLiteral("coverageBar"));
        QVERIFY(!bar->isVisible());
        QVERIFY(view.summaryText().contains(QLatin1String("not measured yet")));
        QVERIFY(view.summaryText().contains(QLatin1String("staging needs 70 %")));

        view.setCoverage(std::numeric_limits<double>::quiet_NaN());
        QVERIFY(!view.coverage());
        view.setCoverage(120.0); // drawn clamped, reported as measured
        QCOMPARE(bar->upperSeries()->at(1).x(), 100.0);
        QVERIFY(view.passes().value());
    }

    void coverageRendersTheVerdictColour()
    {
        CoverageChartView view;
        view.resize(420, 220);
        view.setStages(seedStages());
        view.setTargetStage(QStringLiteral("production"));
        view.setCoverage(50.0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage failing = view.grab().toImage();
        QVERIFY(pixelsNear(failing, ChartPalette::fail(view.palette())) > 500);
        QCOMPARE(pixelsNear(failing, ChartPalette::pass(view.palette())), 0);
        view.setCoverage(90.0);
        const QImage passing = view.grab().toImage();
        QVERIFY(pixelsNear(passing, ChartPalette::pass(view.palette())) > 500);
        keepImage(view, QStringLiteral("coverage-pass"));
        view.setCoverage(std::nullopt);
        keepImage(view, QStringLiteral("coverage-not-measured"));
        view.resize(260, 180);
        view.setCoverage(97.0);
        QTest::qWait(50); // let the chart lay itself out again
        keepImage(view, QStringLiteral("coverage-narrow"));
    }

    void healthRendering()
    {
        HealthChartView view;
        view.resize(640, 320);
        view.setThresholds(1.0, 240);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (int i = 0; i <= 10; ++i) {
            HealthSampleRecord s;
            s.elapsedMs = i * 30000;
            s.p95Ms = 120 + 15 * i + (i == 7 ? 200 : 0);
            s.errorRatePercent = i == 7 ? 2.5 : 0.1 * (i % 3);
            s.healthy = i != 7;
            view.addSample(s);
        }
        const QImage image = view.grab().toImage();
        QVERIFY(pixelsNear(image, ChartPalette::fail(view.palette())) > 20); // the unhealthy point
        QVERIFY(pixelsNear(image, ChartPalette::primary(view.palette())) > 100);
        keepImage(view, QStringLiteral("health"));
    }

    // ------------------------------------------------------------ health

    void niceCeiling_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("expected");
        QTest::newRow("1") << 1.0 << 1.0;
        QTest::newRow("1.1") << 1.1 << 1.2;
        QTest::newRow("2.2") << 2.2 << 2.5;
        QTest::newRow("3") << 3.0 << 3.0;
        QTest::newRow("7") << 7.0 << 8.0;
        QTest::newRow("9") << 9.0 << 10.0;
        QTest::newRow("276") << 276.0 << 300.0;
        QTest::newRow("300.0000001") << 300.0000001 << 300.0;
        QTest::newRow("0.035") << 0.035 << 0.04;
        QTest::newRow("0 -> 1") << 0.0 << 1.0;
        QTest::newRow("NaN -> 1") << std::numeric_limits<double>::quiet_NaN() << 1.0;
    }

    void niceCeiling()
    {
        QFETCH(double, value);
        QFETCH(double, expected);
        QCOMPARE(HealthChartView::niceCeiling(value), expected);
    }

    void healthThresholds()
    {
        HealthChartView view;
        view.setThresholds(1.0, 240);
        auto *errorLimit =
            seriesNamed<QLineSeries>(view.chart(), QStringLiteral("errorRateLimitSeries"));
        auto *latencyLimit =
            seriesNamed<QLineSeries>(view.chart(), QStringLiteral("latencyLimitSeries"));
        QVERIFY(errorLimit && latencyLimit);
        QVERIFY(errorLimit->isVisible() && latencyLimit->isVisible());
        QCOMPARE(errorLimit->pen().style(), Qt::DashLine);
        QCOMPARE(latencyLimit->pen().style(), Qt::DashLine);
        QCOMPARE(errorLimit->at(0).y(), 1.0);
        QCOMPARE(latencyLimit->at(1).y(), 240.0);
        QCOMPARE(errorLimit->at(1).x(), view.timeAxis()->max());
        QVERIFY(errorLimit->name().contains(QLatin1String("1 %")));
        QVERIFY(latencyLimit->name().contains(QLatin1String("240 ms")));
        // Thresholds are inside the axes even before any sample.
        QVERIFY(view.latencyAxis()->max() >= 240);
        QVERIFY(view.errorRateAxis()->max() >= 1);
        // The error rate limit belongs to the right axis, the latency limit to the left.
        QVERIFY(errorLimit->attachedAxes().contains(view.errorRateAxis()));
        QVERIFY(latencyLimit->attachedAxes().contains(view.latencyAxis()));

        view.setThresholds(1.0, 0); // no baseline: no latency limit
        QVERIFY(!latencyLimit->isVisible());
        for (QLegendMarker *m : view.chart()->legend()->markers(latencyLimit))
            QVERIFY(!m->isVisible());
    }

    void healthSamplesGrowTheAxes()
    {
        HealthChartView view;
        view.setThresholds(1.0, 240);
        HealthSampleRecord ok;
        ok.elapsedMs = 30000;
        ok.healthy = true;
        ok.p95Ms = 120;
        ok.errorRatePercent = 0.5;
        view.addSample(ok);
        auto *latency = seriesNamed<QLineSeries>(view.chart(), QStringLiteral("latencySeries"));
        auto *errors = seriesNamed<QLineSeries>(view.chart(), QStringLiteral("errorRateSeries"));
        auto *unhealthy =
            seriesNamed<QScatterSeries>(view.chart(), QStringLiteral("unhealthySeries"));
        QVERIFY(latency && errors && unhealthy);
        QCOMPARE(latency->count(), 1);
        QCOMPARE(latency->at(0), QPointF(30, 120));
        QCOMPARE(errors->at(0), QPointF(30, 0.5));
        QCOMPARE(unhealthy->count(), 0);
        QVERIFY(view.timeAxis()->max() >= 30);

        HealthSampleRecord bad;
        bad.elapsedMs = 400000;
        bad.healthy = false;
        bad.p95Ms = 900;
        bad.errorRatePercent = 7;
        view.addSample(bad);
        QCOMPARE(view.sampleCount(), 2);
        QCOMPARE(unhealthy->count(), 1);
        QCOMPARE(unhealthy->at(0), QPointF(400, 900));
        QVERIFY(view.timeAxis()->max() >= 400);
        QVERIFY(view.latencyAxis()->max() >= 900);
        QVERIFY(view.errorRateAxis()->max() >= 7);
        auto *errorLimit =
            seriesNamed<QLineSeries>(view.chart(), QStringLiteral("errorRateLimitSeries"));
        QCOMPARE(errorLimit->at(1).x(), view.timeAxis()->max()); // the limit spans the grown axis

        HealthSampleRecord broken;
        broken.elapsedMs = 410000;
        broken.p95Ms = std::numeric_limits<double>::quiet_NaN();
        broken.errorRatePercent = std::numeric_limits<double>::infinity();
        view.addSample(broken); // drawn as 0, axes stay finite
        QCOMPARE(latency->at(2).y(), 0.0);
        QVERIFY(std::isfinite(view.errorRateAxis()->max()));

        view.clear();
        QCOMPARE(view.sampleCount(), 0);
        QCOMPARE(latency->count(), 0);
        QCOMPARE(unhealthy->count(), 0);
        QVERIFY(errorLimit->isVisible()); // thresholds stay
        QCOMPARE(view.timeAxis()->max(), 10.0);
    }
};

QTEST_MAIN(TestChartViews)
#include "tst_chartviews.moc"
