// SPDX-License-Identifier: GPL-3.0-or-later
// ReportTableModel and its own filter/sort proxy, under QAbstractItemModelTester: filter
// changes keep the selection's persistent indexes on their reports, sorting is by value.
#include "helpers/reportgenerator.h"
#include "report/reportstore.h"
#include "reporttablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Promotion;

class TestReportTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filterSortAndPersistentIndexes()
    {
        QTemporaryDir dir;
        Testing::ReportGenerator(8).write(dir.path(), 80);
        const QList<ReportSummary> reports = ReportStore(dir.path()).list();
        ReportTableModel model;
        ReportFilterModel filter;
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReports(reports);
        QCOMPARE(filter.rowCount(), 80);

        filter.sort(ReportTableModel::CoverageColumn, Qt::DescendingOrder);
        for (int row = 1; row < filter.rowCount(); ++row)
            QVERIFY(filter.index(row - 1, ReportTableModel::CoverageColumn).data(ReportTableModel::SortRole).toDouble() >=
                    filter.index(row, ReportTableModel::CoverageColumn).data(ReportTableModel::SortRole).toDouble());

        // A selected billing report stays selected through filters that keep it.
        QItemSelectionModel selection(&filter);
        int billingRow = -1;
        for (int row = 0; row < filter.rowCount() && billingRow < 0; ++row) {
            if (filter.index(row, ReportTableModel::ComponentColumn).data().toString() == QLatin1String("billing"))
                billingRow = row;
        }
        QVERIFY(billingRow >= 0);
        const QString path = filter.index(billingRow, 0).data(ReportTableModel::PathRole).toString();
        selection.setCurrentIndex(filter.index(billingRow, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
        int billing = 0;
        for (const ReportSummary &s : reports)
            billing += s.component == QLatin1String("billing");
        filter.setText(QStringLiteral("bill"));
        QCOMPARE(filter.rowCount(), billing);
        QCOMPARE(selection.currentIndex().data(ReportTableModel::PathRole).toString(), path);
        filter.setText(QStringLiteral("billing zzz-nothing"));
        QCOMPARE(filter.rowCount(), 0);
        QVERIFY(!selection.currentIndex().isValid());
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), 80);

        // Outcome and stage filters answer from the summaries.
        int blockedProduction = 0;
        for (const ReportSummary &s : reports)
            blockedProduction += s.outcome == RunOutcome::Blocked && s.toStage == QLatin1String("production");
        filter.setOutcome(QStringLiteral("blocked"));
        filter.setStage(QStringLiteral("production"));
        QCOMPARE(filter.rowCount(), blockedProduction);
        for (int row = 0; row < filter.rowCount(); ++row)
            QCOMPARE(filter.index(row, ReportTableModel::OutcomeColumn).data().toString(), QStringLiteral("blocked"));

        // A new index (reset) keeps the filter.
        model.setReports(reports.mid(0, 40));
        int expected = 0;
        for (const ReportSummary &s : reports.mid(0, 40))
            expected += s.outcome == RunOutcome::Blocked && s.toStage == QLatin1String("production");
        QCOMPARE(filter.rowCount(), expected);
    }
};

QTEST_MAIN(TestReportTableModel)
#include "tst_reporttablemodel.moc"
