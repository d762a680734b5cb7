// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypanel.h"
#include "reportcomparedialog.h"
#include "syntaxhighlighting.h"
#include "testconfig.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QLocale>
#include <QTest>
#include <QToolButton>
#include <QTableView>

using namespace Promotion;

namespace {

QString fixtures()
{
    return QStringLiteral(TEST_DATA_DIR "/ui/reports");
}

QString fixture(const char *name)
{
    return fixtures() + QLatin1Char('/') + QLatin1String(name);
}

QJsonObject load(const char *name)
{
    QString error;
    const std::optional<QJsonObject> o = ReportStore::load(fixture(name), &error);
    if (!o)
        qFatal("%s", qPrintable(error));
    return *o;
}

QString cell(const HistoryPanel &panel, int row, int column)
{
    return panel.view()->model()->index(row, column).data().toString();
}

int rowOf(const HistoryPanel &panel, const QString &path)
{
    const QAbstractItemModel *model = panel.view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(HistoryPanel::PathRole).toString() == path)
            return row;
    }
    return -1;
}

/*! Keep a rendering for a person to look at when PROMOTION_TEST_IMAGES names a directory. */
void keepImage(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PROMOTION_TEST_IMAGES");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c()); // dates and numbers as the checks below spell them
    }

    void listsReportsNewestFirst()
    {
        HistoryPanel panel;
        QAbstractItemModelTester tester(panel.view()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setReportsDir(fixtures());
        QCOMPARE(panel.summaries().size(), 4);
        QCOMPARE(panel.view()->model()->rowCount(), 4);

        QCOMPARE(cell(panel, 0, HistoryPanel::ComponentColumn),
                 QStringLiteral("agent_orchestration"));
        // Dates in the user's locale (here C: "3 May 2024 ..."; German: "03.05.24 ...").
        QVERIFY2(cell(panel, 0, HistoryPanel::DateColumn).contains(QLatin1String("May 2024")),
                 qPrintable(cell(panel, 0, HistoryPanel::DateColumn)));
        QCOMPARE(cell(panel, 0, HistoryPanel::TransitionColumn),
                 QStringLiteral("development → staging"));
        QCOMPARE(cell(panel, 0, HistoryPanel::CoverageColumn), QStringLiteral("78.9 %"));
        QCOMPARE(cell(panel, 0, HistoryPanel::OutcomeColumn), QStringLiteral("dry run passed"));
        QCOMPARE(cell(panel, 1, HistoryPanel::ComponentColumn), QStringLiteral("billing"));
        QCOMPARE(cell(panel, 1, HistoryPanel::OutcomeColumn), QStringLiteral("blocked"));

        // The unreadable file is listed with its reason.
        const int broken = rowOf(panel, fixture("broken.json"));
        QVERIFY(broken >= 0);
        QCOMPARE(cell(panel, broken, HistoryPanel::OutcomeColumn), QStringLiteral("unreadable"));
        QVERIFY(panel.view()
                    ->model()
                    ->index(broken, HistoryPanel::OutcomeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("not JSON")));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("historyCountLabel"))
                    ->text()
                    .contains(QLatin1String("4")));
    }

    void sortsCoverageAsNumbers()
    {
        HistoryPanel panel;
        panel.setReportsDir(fixtures());
        panel.view()->sortByColumn(HistoryPanel::CoverageColumn, Qt::AscendingOrder);
        QCOMPARE(cell(panel, 1, HistoryPanel::CoverageColumn), QStringLiteral("55.0 %"));
        QCOMPARE(cell(panel, 3, HistoryPanel::CoverageColumn), QStringLiteral("78.9 %"));
    }

    void showsTheSelectedReportAsHighlightedJson()
    {
        HistoryPanel panel;
        panel.setReportsDir(fixtures());
        QSignalSpy shown(&panel, &HistoryPanel::reportShown);
        const QString path = fixture("2024-05-02-billing-staging.json");
        panel.selectReports({path});
        QCOMPARE(shown.count(), 1);
        QCOMPARE(panel.shownReportPath(), path);
        QPlainTextEdit *viewer = panel.findChild<QPlainTextEdit *>(QStringLiteral("reportViewer"));
        QVERIFY(viewer && viewer->isReadOnly());
        const QJsonDocument doc = QJsonDocument::fromJson(viewer->toPlainText().toUtf8());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QStringLiteral("component")).toString(),
                 QStringLiteral("billing"));
        QVERIFY(SyntaxHighlighting::highlighterOf(viewer->document()));

        panel.selectReports({fixture("broken.json")});
        QVERIFY(viewer->toPlainText().contains(QLatin1String("broken.json")));
    }

    void compareNeedsTwoReports()
    {
        HistoryPanel panel;
        panel.setReportsDir(fixtures());
        QAction *compare = panel.compareAction();
        QVERIFY(!compare->isEnabled());
        panel.selectReports({fixture("2024-05-01-agent_orchestration-staging.json")});
        QVERIFY(!compare->isEnabled());
        const QString a = fixture("2024-05-01-agent_orchestration-staging.json");
        const QString b = fixture("2024-05-03-agent_orchestration-staging.json");
        panel.selectReports({a, b});
        QCOMPARE(panel.selectedReportPaths().size(), 2);
        QVERIFY(compare->isEnabled());

        compare->trigger();
        auto *dialog = panel.findChild<ReportCompareDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTableWidget *table = dialog->findChild<QTableWidget *>(QStringLiteral("compareTable"));
        QCOMPARE(table->rowCount(), 4);
        // Listed newest first, so A is the 3 May dry run.
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("Linting"));
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("3 findings (failed)"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("0 findings (passed)"));
        QCOMPARE(table->item(3, 0)->text(), QStringLiteral("Type checking"));
        QCOMPARE(table->item(3, 2)->text(), QStringLiteral("—"));
        keepImage(dialog, QStringLiteral("compare-dialog"));
        dialog->close();
    }

    void compareRows()
    {
        const QList<ReportCompareDialog::Row> rows =
            ReportCompareDialog::compare(load("2024-05-01-agent_orchestration-staging.json"),
                                         load("2024-05-02-billing-staging.json"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).gateId, QStringLiteral("tests"));
        QCOMPARE(rows.at(1).gate, QStringLiteral("Coverage"));
        QCOMPARE(rows.at(1).measuredA, QStringLiteral("74.2 % (passed)"));
        QCOMPARE(rows.at(1).measuredB, QStringLiteral("55.0 % (failed)"));
        QCOMPARE(rows.at(2).gateId, QStringLiteral("lint"));
        QVERIFY(rows.at(2).measuredB.isEmpty());
        QVERIFY(rows.at(2).statusB.isEmpty());

        // Reports without gates (skipped, unreadable) compare to nothing, without crashing.
        QVERIFY(ReportCompareDialog::compare(QJsonObject(), QJsonObject()).isEmpty());
        QCOMPARE(
            ReportCompareDialog::compare(QJsonObject(), load("2024-05-02-billing-staging.json"))
                .size(),
            2);
        QVERIFY(ReportCompareDialog::describe(load("2024-05-03-agent_orchestration-staging.json"))
                    .contains(QLatin1String("dry run")));
    }

    void emptyDirectory()
    {
        HistoryPanel panel;
        panel.setReportsDir(fixtures());
        panel.selectReports({fixture("2024-05-02-billing-staging.json")});
        panel.setReportsDir(QString());
        QCOMPARE(panel.view()->model()->rowCount(), 0);
        QVERIFY(!panel.compareAction()->isEnabled());
        QVERIFY(panel.findChild<QPlainTextEdit *>(QStringLiteral("reportViewer"))
                    ->toPlainText()
                    .isEmpty());
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
