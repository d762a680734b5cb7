// SPDX-License-Identifier: GPL-3.0-or-later
#include "demorunfixture.h"
#include "statuspalette.h"
#include "steplistmodel.h"
#include "workflow/promotionengine.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

class TestStepListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sixStepsBeforeAnyRun();
    void validateRowChangesAlone();
    void failedValidationShowsWhy();
    void skippedGatesStep();
    void decorationFollowsStatus_data();
    void decorationFollowsStatus();
    void reloadAnnouncesEveryRow();

private:
    DemoRunFixture m_demo;
};

void TestStepListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Promotion::StepId>();
    qRegisterMetaType<Promotion::StepStatus>();
    const QString error = m_demo.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestStepListModel::sixStepsBeforeAnyRun()
{
    PromotionEngine engine;
    StepListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowCount(model.index(0)), 0);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("1. Validate current state"));
    QCOMPARE(model.index(5).data().toString(), QStringLiteral("6. Post-promotion validation"));
    for (int row = 0; row < 6; ++row) {
        const QModelIndex i = model.index(row);
        QCOMPARE(i.data(StepListModel::StepRole).toInt(), row);
        QCOMPARE(i.data(StepListModel::StatusRole).toInt(), int(StepStatus::Pending));
        QCOMPARE(i.data(StepListModel::StatusNameRole).toString(), QStringLiteral("pending"));
        QVERIFY(!i.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(QStringLiteral("pending")));
    }
    QVERIFY(model.roleNames().contains(StepListModel::StatusNameRole));
}

void TestStepListModel::validateRowChangesAlone()
{
    PromotionEngine engine;
    StepListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    engine.runStep(StepId::Validate);
    // Started and finished: twice, and only row 0 each time.
    QCOMPARE(changed.count(), 2);
    for (const QList<QVariant> &args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), 0);
        QCOMPARE(args.at(1).toModelIndex().row(), 0);
    }
    const QModelIndex row0 = model.index(0);
    QCOMPARE(row0.data(StepListModel::StatusRole).toInt(), int(StepStatus::Passed));
    QVERIFY(row0.data(StepListModel::SummaryRole)
                .toString()
                .contains(QStringLiteral("agent_orchestration")));
    QVERIFY(row0.data(Qt::ToolTipRole).toString().contains(QStringLiteral("passed")));
    QCOMPARE(model.index(1).data(StepListModel::StatusRole).toInt(), int(StepStatus::Pending));
}

void TestStepListModel::failedValidationShowsWhy()
{
    PromotionEngine engine;
    StepListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PromotionRequest request = m_demo.request();
    request.from = QStringLiteral("staging"); // __maturity__ says development
    QString error;
    QVERIFY2(engine.begin(request, &error), qPrintable(error));
    QSignalSpy finished(&engine, &PromotionEngine::stepFinished);
    engine.runStep(StepId::Validate);
    QCOMPARE(finished.count(), 1);
    const QModelIndex row0 = model.index(0);
    QCOMPARE(row0.data(StepListModel::StatusNameRole).toString(), QStringLiteral("failed"));
    QVERIFY2(row0.data(Qt::ToolTipRole).toString().contains(QStringLiteral("expected staging")),
             qPrintable(row0.data(Qt::ToolTipRole).toString()));
}

void TestStepListModel::skippedGatesStep()
{
    PromotionEngine engine;
    StepListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PromotionRequest request = m_demo.request();
    request.skipQualityGates = true;
    request.skipReason = QStringLiteral("hotfix: the same gates ran in CI on this commit");
    // Skipping needs a second person in the policy's role.
    request.approvals.insert(QStringLiteral("tech_lead"),
                             QStringLiteral("Tia Lead <tia@example.org>"));
    QString error;
    QVERIFY2(engine.begin(request, &error), qPrintable(error));
    engine.runStep(StepId::Validate);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    engine.runStep(StepId::QualityGates);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);
    const QModelIndex row1 = model.index(1);
    QCOMPARE(row1.data(StepListModel::StatusNameRole).toString(), QStringLiteral("skipped"));
    QVERIFY(row1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("hotfix")));
}

void TestStepListModel::decorationFollowsStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("tone");
    QTest::newRow("pending") << int(StepStatus::Pending) << int(StatusPalette::Tone::Neutral);
    QTest::newRow("running") << int(StepStatus::Running) << int(StatusPalette::Tone::Running);
    QTest::newRow("passed") << int(StepStatus::Passed) << int(StatusPalette::Tone::Good);
    QTest::newRow("failed") << int(StepStatus::Failed) << int(StatusPalette::Tone::Bad);
    QTest::newRow("skipped") << int(StepStatus::Skipped) << int(StatusPalette::Tone::Muted);
}

void TestStepListModel::decorationFollowsStatus()
{
    QFETCH(int, status);
    QFETCH(int, tone);
    QCOMPARE(int(StatusPalette::toneOf(StepStatus(status))), tone);
    // Each tone has its own badge, so status never depends on colour alone.
    const QImage mine = StatusPalette::icon(StatusPalette::Tone(tone)).pixmap(16).toImage();
    for (auto other :
         {StatusPalette::Tone::Neutral, StatusPalette::Tone::Running, StatusPalette::Tone::Good,
          StatusPalette::Tone::Bad, StatusPalette::Tone::Muted}) {
        if (int(other) != tone)
            QVERIFY(StatusPalette::icon(other).pixmap(16).toImage() != mine);
    }
}

void TestStepListModel::reloadAnnouncesEveryRow()
{
    PromotionEngine engine;
    StepListModel model(&engine);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.reload();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 5);
}

QTEST_MAIN(TestStepListModel)
#include "tst_steplistmodel.moc"
