// SPDX-License-Identifier: GPL-3.0-or-later
// The reviewers' window in the main window, over a workspace of generated reports (and three
// unreadable files): filter and count rows, the rendered detail view, a comparison's delta,
// the trend chart against the reports, a back-test naming the right reports, HTML and PDF
// exports that open, the broken-chain banner, and a window that opens without reading them.
#include "backtestview.h"
#include "helpers/reportgenerator.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "reportcomparedialog.h"
#include "reportdetailview.h"
#include "healthchartview.h"
#include "trendchartview.h"

#include "report/reportformatter.h"
#include "reportexporter.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTableView>

using namespace Promotion;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

void makeWorkspace(const QString &root)
{
    QDir d(root);
    for (const char *c : {"billing", "agent_orchestration"}) {
        d.mkpath(QStringLiteral("src/%1").arg(QLatin1String(c)));
        d.mkpath(QStringLiteral("tests/%1").arg(QLatin1String(c)));
        writeFile(d.filePath(QStringLiteral("src/%1/__init__.py").arg(QLatin1String(c))),
                  "__version__ = \"1.0.0\"\n__maturity__ = \"development\"\n");
    }
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_ws;
    QStringList m_paths; //!< the generated reports, oldest first
    QString reports() const { return m_ws.filePath(QStringLiteral(".promotion/reports")); }

    HistoryPanel *openPanel(MainWindow &w)
    {
        w.show();
        if (!w.openWorkspace(m_ws.path()))
            return nullptr;
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        if (!panel)
            return nullptr;
        if (!QTest::qWaitFor([&] { return panel->tableModel()->rowCount() == m_paths.size() + 3; },
                             20000))
            return nullptr;
        return panel;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_historywindow"));
        QSettings().clear();
        makeWorkspace(m_ws.path());
        m_paths = Testing::ReportGenerator(77).write(reports(), 150);
        QCOMPARE(m_paths.size(), 150);
        // Three files that cannot be read, each for its own reason.
        const QByteArray good = readFile(m_paths.first());
        QVERIFY(writeFile(reports() + QStringLiteral("/zz-truncated.json"), good.left(good.size() / 3)));
        QVERIFY(writeFile(reports() + QStringLiteral("/zz-notjson.json"), "<html>oops</html>\n"));
        QByteArray future = good;
        future.replace("\"schema_version\": 1", "\"schema_version\": 7");
        QVERIFY(writeFile(reports() + QStringLiteral("/zz-future.json"), future));
    }

    void opensWithoutReadingTheReports()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(m_ws.path()));
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QVERIFY(panel);
        // openWorkspace() returned before a single report was read: the worker reads them.
        QCOMPARE(panel->tableModel()->rowCount(), 0);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE_WITH_TIMEOUT(panel->tableModel()->rowCount(), int(m_paths.size()) + 3, 20000);
        // A tab of the main window, not a dock.
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);
        QAction *toggle = w.findChild<QAction *>(QStringLiteral("historyToggleAction"));
        toggle->trigger();
        QCOMPARE(tabs->currentWidget(), panel);
    }

    void unreadableRowsWithTheirReason()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        auto *outcome = panel->findChild<QComboBox *>(QStringLiteral("outcomeFilterCombo"));
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("unreadable")));
        QAbstractItemModel *model = panel->view()->model();
        QCOMPARE(model->rowCount(), 3);
        QStringList reasons;
        for (int row = 0; row < 3; ++row)
            reasons.append(model->index(row, HistoryPanel::OutcomeColumn).data(Qt::ToolTipRole).toString());
        const QString all = reasons.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("truncated")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("not JSON")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("schema_version 7 is newer")), qPrintable(all));
    }

    void filterAndCountRows()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        QAbstractItemModel *model = panel->view()->model();
        QCOMPARE(model->rowCount(), int(m_paths.size()) + 3);

        // Expected counts, from the files themselves.
        int billing = 0;
        int billingBlocked = 0;
        int byGrace = 0;
        for (const QString &p : std::as_const(m_paths)) {
            const QJsonObject r = readJson(p);
            const bool isBilling = r.value(QStringLiteral("component")).toString() == QLatin1String("billing");
            billing += isBilling;
            billingBlocked += isBilling && r.value(QStringLiteral("outcome")).toString() == QLatin1String("blocked");
            byGrace += QString::fromUtf8(QJsonDocument(r).toJson()).contains(QLatin1String("Grace Hopper"));
        }
        QVERIFY(billing > 0 && billingBlocked > 0 && byGrace > 0);

        QLineEdit *edit = panel->filterEdit();
        QTest::keyClicks(edit, QStringLiteral("billing"));
        QCOMPARE(model->rowCount(), billing);
        QVERIFY(panel->findChild<QLabel *>(QStringLiteral("historyCountLabel"))
                    ->text()
                    .startsWith(QString::number(billing) + QStringLiteral(" of ")));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("grace hopper"));
        QCOMPARE(model->rowCount(), byGrace);
        edit->clear();

        auto *component = panel->findChild<QComboBox *>(QStringLiteral("componentFilterCombo"));
        auto *outcome = panel->findChild<QComboBox *>(QStringLiteral("outcomeFilterCombo"));
        component->setCurrentIndex(component->findData(QStringLiteral("billing")));
        QCOMPARE(model->rowCount(), billing);
        outcome->setCurrentIndex(outcome->findData(QStringLiteral("blocked")));
        QCOMPARE(model->rowCount(), billingBlocked);
        outcome->setCurrentIndex(0);
        component->setCurrentIndex(0);

        // A date range: the first ten days of the generated history (runs are 2 hours apart).
        int inRange = 0;
        for (const QString &p : std::as_const(m_paths)) {
            const QDate d = QDate::fromString(readJson(p).value(QStringLiteral("date")).toString(), Qt::ISODate);
            inRange += d >= QDate(2024, 1, 2) && d <= QDate(2024, 1, 5);
        }
        panel->findChild<QDateEdit *>(QStringLiteral("fromDateEdit"))->setDate(QDate(2024, 1, 2));
        panel->findChild<QDateEdit *>(QStringLiteral("toDateEdit"))->setDate(QDate(2024, 1, 5));
        panel->findChild<QCheckBox *>(QStringLiteral("dateFilterCheck"))->setChecked(true);
        QCOMPARE(model->rowCount(), inRange);
    }

    void renderedDetailView()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        // A promoted production run: it has approvals, deploy commands and a window.
        QString path;
        for (const QString &p : std::as_const(m_paths)) {
            const QJsonObject r = readJson(p);
            if (r.value(QStringLiteral("outcome")).toString() == QLatin1String("promoted") &&
                r.value(QStringLiteral("to_stage")).toString() == QLatin1String("production"))
                path = p;
        }
        QVERIFY(!path.isEmpty());
        const QJsonObject r = readJson(path);
        panel->selectReports({path});
        ReportDetailView *detail = panel->detailView();
        QCOMPARE(detail->path(), path);
        QVERIFY(!detail->isRawJson());
        const QString text = detail->browser()->toPlainText();
        const QJsonArray gates = r.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("gates")).toArray();
        const QJsonObject coverage = gates.at(1).toObject();
        QVERIFY(text.contains(QLatin1String("Quality gates")));
        QVERIFY(text.contains(coverage.value(QStringLiteral("measured_text")).toString()));
        QVERIFY(text.contains(coverage.value(QStringLiteral("threshold_text")).toString()));
        QVERIFY(text.contains(QLatin1String("Approvals")));
        for (const QJsonValue &a : r.value(QStringLiteral("approvals")).toArray())
            QVERIFY(text.contains(a.toObject().value(QStringLiteral("identity")).toString()));
        QVERIFY(text.contains(QLatin1String("kubectl apply -f k8s/production/")));
        QVERIFY(text.contains(QLatin1String("Smoke tests pass")));
        QVERIFY(text.contains(r.value(QStringLiteral("tracking")).toObject().value(QStringLiteral("url")).toString()));
        QVERIFY(!text.contains(QLatin1String("\"quality_gates\""))); // not JSON
        QCOMPARE(detail->windowChart()->sampleCount(), 20);
        QVERIFY(detail->windowChart()->isVisibleTo(detail));

        // A rendering for a person to look at when PROMOTION_TEST_IMAGES names a directory.
        if (const QString images = qEnvironmentVariable("PROMOTION_TEST_IMAGES"); !images.isEmpty()) {
            w.resize(1400, 900);
            w.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentWidget(panel);
            QTest::qWait(50);
            w.grab().save(images + QStringLiteral("/history-tab.png"));
            panel->tabs()->setCurrentIndex(HistoryPanel::TrendsTab);
            panel->trends()->setComponent(r.value(QStringLiteral("component")).toString());
            QTest::qWait(50);
            w.grab().save(images + QStringLiteral("/history-trends.png"));
            panel->tabs()->setCurrentIndex(HistoryPanel::DashboardTab);
            QTest::qWait(50);
            w.grab().save(images + QStringLiteral("/history-dashboard.png"));
            panel->tabs()->setCurrentIndex(HistoryPanel::ReportsTab);
        }
        detail->rawJsonAction()->trigger();
        QVERIFY(detail->isRawJson());
        QCOMPARE(QJsonDocument::fromJson(detail->rawViewer()->toPlainText().toUtf8()).object(), r);
        detail->rawJsonAction()->trigger();
        QVERIFY(!detail->isRawJson());
    }

    void compareWithThePreviousPromotion()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        const QString current = m_paths.constLast();
        panel->selectReports({current});
        const QString previous = panel->previousReportOf(current);
        QVERIFY(!previous.isEmpty());
        const QJsonObject a = readJson(previous);
        const QJsonObject b = readJson(current);
        QCOMPARE(a.value(QStringLiteral("component")), b.value(QStringLiteral("component")));
        QVERIFY(panel->compareWithPreviousAction()->isEnabled());
        panel->compareWithPreviousAction()->trigger();
        auto *dialog = panel->findChild<ReportCompareDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        const double ca = a.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble();
        const double cb = b.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble();
        const QString expected = QStringLiteral("%1%2").arg(cb >= ca ? QStringLiteral("+") : QStringLiteral("−"))
                                     .arg(QString::number(std::fabs(cb - ca), 'f', 2)
                                              .remove(QRegularExpression(QStringLiteral("\\.?0+$"))));
        QString delta;
        for (const ReportComparison::GateDelta &g : dialog->comparison().gates) {
            if (g.id == QLatin1String("coverage"))
                delta = g.delta;
        }
        QCOMPARE(delta, cb == ca ? QStringLiteral("±0") : expected);
        QVERIFY(dialog->summary()->toPlainText().contains(QLatin1String("p95 latency")));
        // Outcomes come first.
        QVERIFY(dialog->summary()->toPlainText().startsWith(QLatin1String("A: ")));
        dialog->close();
    }

    void trendSeriesMatchTheReports()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        TrendChartView *trends = panel->trends();
        trends->setComponent(QStringLiteral("billing"));
        QList<QPointF> expected;
        for (const QString &p : std::as_const(m_paths)) {
            const QJsonObject r = readJson(p);
            if (r.value(QStringLiteral("component")).toString() != QLatin1String("billing"))
                continue;
            const QDateTime t = QDateTime::fromString(r.value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
            expected.append(QPointF(double(t.toMSecsSinceEpoch()),
                                    r.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble()));
        }
        QVERIFY(trends->coverageSeries());
        QCOMPARE(trends->coverageSeries()->points(), expected);
        QCOMPARE(trends->durationSeries().size(), 5);
        // A click near the third point opens that report.
        QSignalSpy opened(trends, &TrendChartView::reportActivated);
        Q_EMIT trends->coverageSeries()->clicked(expected.at(2) + QPointF(1000, 0));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(panel->shownReportPath(), opened.first().first().toString());
        QCOMPARE(readJson(panel->shownReportPath()).value(QStringLiteral("component")).toString(),
                 QStringLiteral("billing"));
    }

    void backtestNamesTheRightReports()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        QStringList expected;
        QStringList considered;
        for (const QString &p : std::as_const(m_paths)) {
            const QJsonObject r = readJson(p);
            const QString outcome = r.value(QStringLiteral("outcome")).toString();
            if (r.value(QStringLiteral("dry_run")).toBool() || outcome == QLatin1String("blocked"))
                continue;
            considered.append(p);
        }
        considered = considered.mid(considered.size() - 10);
        for (const QString &p : std::as_const(considered)) {
            const QJsonObject r = readJson(p);
            if (r.value(QStringLiteral("to_stage")).toString() == QLatin1String("production") &&
                r.value(QStringLiteral("quality_gates")).toObject().value(QStringLiteral("coverage_percent")).toDouble() < 85)
                expected.append(p);
        }
        BacktestView *bt = panel->backtest();
        bt->setRule(QStringLiteral("coverage"), 85, QStringLiteral("production"), 10);
        bt->run();
        QStringList named;
        for (const PolicyBacktest::Hit &h : bt->result().blocked)
            named.append(h.report.path);
        QCOMPARE(named, expected);
        QCOMPARE(bt->result().headline(),
                 QStringLiteral("%1 of the last 10").arg(expected.size()));
        QVERIFY(bt->headline()->text().contains(bt->result().headline()));
        QCOMPARE(bt->table()->rowCount(), int(expected.size()));
    }

    void exportHtmlAndPdf()
    {
        MainWindow w;
        HistoryPanel *panel = openPanel(w);
        QVERIFY(panel);
        QTemporaryDir out;
        const QString report = m_paths.at(100);
        const QJsonObject r = readJson(report);
        const QString component = r.value(QStringLiteral("component")).toString();
        QString error;

        const QString html = out.filePath(QStringLiteral("workflow_dashboard_%1.html").arg(component));
        QVERIFY2(panel->exportReports({report}, ReportExporter::Format::Html, html, &error), qPrintable(error));
        const QString text = QString::fromUtf8(readFile(html));
        QVERIFY(text.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(text.contains(QStringLiteral("<h1>%1: ").arg(component)));
        QVERIFY(text.contains(QLatin1String("Quality gates")));
        QVERIFY(text.contains(QLatin1String("Coverage over time")));
        QVERIFY(text.contains(QLatin1String("<svg")));
        QVERIFY(text.contains(QLatin1String("Approvals")));
        QVERIFY(!text.contains(QLatin1String("<script"))); // self-contained, nothing fetched
        QVERIFY(!text.contains(QLatin1String("src=\"http")));

        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(panel->exportReports({report}, ReportExporter::Format::Pdf, pdf, &error), qPrintable(error));
        const QByteArray bytes = readFile(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Subtype /Image")); // the charts, drawn
        // Page objects in the file, against the pages the layout made.
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
        int pages = 0;
        for (auto it = page.globalMatch(QString::fromLatin1(bytes)); it.hasNext(); it.next())
            ++pages;
        const int laidOut = ReportExporter::writeReportPdf(
            r, panel->historyOf(component), out.filePath(QStringLiteral("again.pdf")), &error);
        QVERIFY(laidOut >= 1);
        QCOMPARE(pages, laidOut);

        const QString md = out.filePath(QStringLiteral("compare.md"));
        QVERIFY(panel->exportReports({m_paths.at(99), report}, ReportExporter::Format::Markdown, md, &error));
        QVERIFY(QString::fromUtf8(readFile(md)).contains(QLatin1String("| Coverage |")));
    }

    void brokenChainBanner()
    {
        QTemporaryDir ws;
        makeWorkspace(ws.path());
        const QString dir = ws.filePath(QStringLiteral(".promotion/reports"));
        const QStringList paths = Testing::ReportGenerator(5).write(dir, 12);
        QByteArray bytes = readFile(paths.at(4));
        bytes.replace("\"promoter\": \"", "\"promoter\": \"X");
        QVERIFY(writeFile(paths.at(4), bytes));
        MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(ws.path()));
        auto *panel = w.findChild<HistoryPanel *>(QStringLiteral("historyPanel"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->chainBanner()->isVisibleTo(panel), 20000);
        QVERIFY(panel->chainBanner()->text().contains(QFileInfo(paths.at(4)).fileName()));
        QVERIFY(panel->chainBanner()->text().contains(QLatin1String("edited")));
    }
};

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
