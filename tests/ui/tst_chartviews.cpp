// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpalette.h"
#include "coveragechartview.h"
#include "healthchartview.h"

#include <cmath>
#include <limits>
#include <QAreaSeries>
#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QVBoxLayout>
#include <QGraphicsSimpleTextItem>
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

    void coverageLabelsClearOfLinesAndEachOther_data()
    {
        QTest::addColumn<double>("coverage");
        QTest::addColumn<QSize>("size");
        QTest::newRow("just below the target, narrow") << 55.6 << QSize(300, 150);
        QTest::newRow("between two lines") << 65.0 << QSize(300, 150);
        QTest::newRow("above every line") << 92.0 << QSize(420, 180);
        QTest::newRow("low") << 12.0 << QSize(260, 140);
    }

    void coverageLabelsClearOfLinesAndEachOther()
    {
        QFETCH(double, coverage);
        QFETCH(QSize, size);
        CoverageChartView view;
        view.setStages(seedStages());
        view.setTargetStage(QStringLiteral("staging"));
        view.setCoverage(coverage);
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(50);
        QChart *chart = view.chart();
        QList<QRectF> stageLabels;
        QRectF value;
        for (QGraphicsItem *item : chart->childItems()) {
            auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
            if (!text || !text->isVisible())
                continue;
            const QRectF r = text->mapRectToScene(text->boundingRect());
            if (text->text().contains(QLatin1String("development")) ||
                text->text().contains(QLatin1String("staging")) ||
                text->text().contains(QLatin1String("production")))
                stageLabels.append(r);
            else
                value = r;
        }
        QCOMPARE(stageLabels.size(), 3);
        QVERIFY(value.isValid());
        for (int i = 0; i < stageLabels.size(); ++i) {
            for (int j = i + 1; j < stageLabels.size(); ++j)
                QVERIFY2(!stageLabels[i].adjusted(0, 1, 0, -1).intersects(stageLabels[j]),
                         "two stage labels overlap");
        }
        for (const StageDefinition &s : seedStages()) {
            auto *line =
                seriesNamed<QLineSeries>(chart, QStringLiteral("coverageThreshold-") + s.id);
            const qreal x = chart->mapToPosition(QPointF(s.coverageMin, 0.2), line).x();
            QVERIFY2(x < value.left() || x > value.right(),
                     qPrintable(QStringLiteral("the %1 line at x=%2 crosses the value label %3–%4")
                                    .arg(s.id)
                                    .arg(x)
                                    .arg(value.left())
                                    .arg(value.right())));
        }
        keepImage(view, QStringLiteral("coverage-labels-%1").arg(coverage));
    }

    void chartsCopyTheirDataWithTheKeyboard()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *coverage = new CoverageChartView(&window);
        auto *health = new HealthChartView(&window);
        layout->addWidget(coverage);
        layout->addWidget(health);
        coverage->setStages(seedStages());
        coverage->setCoverage(72.5);
        HealthSampleRecord s;
        s.elapsedMs = 2000;
        s.requests = 10;
        s.p95Ms = 131;
        s.healthy = true;
        health->addSample(s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);

        auto *coverageView = coverage->findChild<QWidget *>(QStringLiteral("coverageChartView"));
        auto *healthView = health->findChild<QWidget *>(QStringLiteral("healthChartView"));
        QVERIFY(coverageView && healthView);
        QVERIFY(coverageView->focusPolicy() & Qt::TabFocus);
        QVERIFY(!coverageView->accessibleName().isEmpty());
        coverageView->setFocus();
        QTRY_VERIFY(coverageView->hasFocus());
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(coverageView, Qt::Key_C, Qt::ControlModifier);
        QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("72.5")));
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("staging\t70")));

        QTest::keyClick(coverageView, Qt::Key_Tab);
        QTRY_VERIFY(healthView->hasFocus());
        QTest::keyClick(healthView, Qt::Key_C, Qt::ControlModifier);
        QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("\t131\t")));
        // Also in the context menu.
        QCOMPARE(healthView->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(healthView->actions().size(), 1);
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

    void healthFirstSampleWithoutRatesIsNotDrawn()
    {
        // The first scrape of the window has no previous one to take rates from: 0 requests,
        // no latency. The line must start at the first measured point, not at (0, 0).
        HealthChartView view;
        view.setThresholds(1.0, 240);
        HealthSampleRecord first;
        first.elapsedMs = 0;
        first.healthy = true;
        view.addSample(first);
        HealthSampleRecord second;
        second.elapsedMs = 2000;
        second.healthy = true;
        second.requests = 40;
        second.p95Ms = 130;
        second.errorRatePercent = 0;
        view.addSample(second);
        auto *latency = seriesNamed<QLineSeries>(view.chart(), QStringLiteral("latencySeries"));
        auto *errors = seriesNamed<QLineSeries>(view.chart(), QStringLiteral("errorRateSeries"));
        QVERIFY(latency && errors);
        QCOMPARE(view.sampleCount(), 2);
        QCOMPARE(latency->count(), 1);
        QCOMPARE(latency->at(0), QPointF(2, 130));
        QCOMPARE(errors->count(), 1);
        QCOMPARE(errors->at(0), QPointF(2, 0));
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
        view.addSample(broken); // not drawn (no invented 0), axes stay finite
        QCOMPARE(view.sampleCount(), 3);
        QCOMPARE(latency->count(), 2);
        QCOMPARE(errors->count(), 2);
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
