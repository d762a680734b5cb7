// SPDX-License-Identifier: GPL-3.0-or-later
#include "demorunfixture.h"
#include "gateresultsmodel.h"
#include "statuspalette.h"
#include "workflow/promotionengine.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {
constexpr int kGateTimeoutMs = 120000;
}

class TestGateResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAppearWithValidation();
    void gatesRunAndFailuresAreHighlighted();
    void attestingChangesOnlyThatRow();
    void skippingChangesEveryRow();
    void newRunResetsTheModel();
    void statusTextsAreDistinct();

private:
    bool runGates(PromotionEngine &engine);
    int row(const GateResultsModel &model, const QString &id);

    DemoRunFixture m_demo;
};

void TestGateResultsModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Promotion::StepId>();
    qRegisterMetaType<Promotion::StepStatus>();
    const QString error = m_demo.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_demo.writePolicy(DemoRunFixture::fastPolicy()));
}

bool TestGateResultsModel::runGates(PromotionEngine &engine)
{
    QSignalSpy finished(&engine, &PromotionEngine::stepFinished);
    engine.runStep(StepId::QualityGates);
    for (;;) {
        for (const QList<QVariant> &args : std::as_const(finished)) {
            if (args.at(0).value<StepId>() == StepId::QualityGates)
                return true;
        }
        if (!finished.wait(kGateTimeoutMs))
            return false;
    }
}

int TestGateResultsModel::row(const GateResultsModel &model, const QString &id)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(GateResultsModel::GateIdRole).toString() == id)
            return r;
    }
    return -1;
}

void TestGateResultsModel::rowsAppearWithValidation()
{
    PromotionEngine engine;
    GateResultsModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(GateResultsModel::ColumnCount));
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    engine.runStep(StepId::Validate);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 4);
    const QStringList expected{QStringLiteral("integration_tests_exist"),
                               QStringLiteral("docs_exist"), QStringLiteral("lint"),
                               QStringLiteral("security_review")};
    for (int r = 0; r < 4; ++r) {
        QCOMPARE(model.index(r, 0).data(GateResultsModel::GateIdRole).toString(), expected.at(r));
        QCOMPARE(model.gateIdAt(r), expected.at(r));
        QCOMPARE(model.rowOf(expected.at(r)), r);
        QCOMPARE(model.index(r, GateResultsModel::StatusColumn).data().toString(),
                 QStringLiteral("pending"));
        QVERIFY(!model.index(r, 0).data(Qt::BackgroundRole).isValid());
    }
    QCOMPARE(model.index(2, GateResultsModel::GateColumn).data().toString(),
             QStringLiteral("Linting clean (flake8)"));
    QCOMPARE(model.index(2, GateResultsModel::ToolColumn).data().toString(),
             QStringLiteral("flake8"));
    QCOMPARE(model.headerData(GateResultsModel::MeasuredColumn, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("Measured"));
}

void TestGateResultsModel::gatesRunAndFailuresAreHighlighted()
{
    PromotionEngine engine;
    GateResultsModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    engine.runStep(StepId::Validate);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy gateFinished(&engine, &PromotionEngine::gateFinished);
    QVERIFY(runGates(engine));
    QCOMPARE(engine.state().step(StepId::QualityGates).status, StepStatus::Failed);
    // Every finished gate announced its own row.
    QVERIFY(gateFinished.count() >= 3);
    for (const QList<QVariant> &args : std::as_const(gateFinished)) {
        const int r = model.rowOf(args.at(0).toString());
        bool announced = false;
        for (const QList<QVariant> &c : std::as_const(changed))
            announced |= c.at(0).toModelIndex().row() <= r && c.at(1).toModelIndex().row() >= r;
        QVERIFY2(announced, qPrintable(args.at(0).toString()));
    }

    const int failed = row(model, QStringLiteral("docs_exist"));
    QCOMPARE(model.index(failed, 0).data(GateResultsModel::GateStatusRole).toInt(),
             int(GateStatus::Failed));
    QCOMPARE(model.index(failed, GateResultsModel::StatusColumn).data().toString(),
             QStringLiteral("failed"));
    for (int c = 0; c < GateResultsModel::ColumnCount; ++c) {
        QCOMPARE(model.index(failed, c).data(Qt::BackgroundRole).value<QColor>(),
                 StatusPalette::background(StatusPalette::Tone::Bad));
        QCOMPARE(model.index(failed, c).data(Qt::ForegroundRole).value<QColor>(),
                 StatusPalette::foreground(StatusPalette::Tone::Bad));
    }
    QVERIFY(model.index(failed, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("docs_exist")));

    const int passed = row(model, QStringLiteral("integration_tests_exist"));
    QCOMPARE(model.index(passed, 0).data(GateResultsModel::StatusNameRole).toString(),
             QStringLiteral("passed"));
    QVERIFY(!model.index(passed, 0).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(passed, GateResultsModel::MeasuredColumn).data().toString().isEmpty());

    const int lint = row(model, QStringLiteral("lint"));
    QCOMPARE(model.index(lint, 0).data(GateResultsModel::StatusNameRole).toString(),
             QStringLiteral("passed"));
    QVERIFY(!model.index(lint, GateResultsModel::DurationColumn).data().toString().isEmpty());

    const int attest = row(model, QStringLiteral("security_review"));
    QVERIFY(model.index(attest, 0).data(GateResultsModel::NeedsAttestationRole).toBool());
    QCOMPARE(model.index(attest, 0).data(Qt::BackgroundRole).value<QColor>(),
             StatusPalette::background(StatusPalette::Tone::Warning));
}

void TestGateResultsModel::attestingChangesOnlyThatRow()
{
    PromotionEngine engine;
    GateResultsModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    engine.runStep(StepId::Validate);
    QVERIFY(runGates(engine));
    const int attest = row(model, QStringLiteral("security_review"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    engine.attestGate(QStringLiteral("security_review"),
                      QStringLiteral("Sam Security <sam@example.com>"),
                      QStringLiteral("review SEC-12"));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(0).toModelIndex().row(), attest);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), attest);
    QCOMPARE(model.index(attest, GateResultsModel::StatusColumn).data().toString(),
             QStringLiteral("attested"));
    QVERIFY(!model.index(attest, 0).data(GateResultsModel::NeedsAttestationRole).toBool());
    QVERIFY(
        model.index(attest, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("SEC-12")));
    QVERIFY(!model.index(attest, 0).data(Qt::BackgroundRole).isValid());
}

void TestGateResultsModel::skippingChangesEveryRow()
{
    PromotionEngine engine;
    GateResultsModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    engine.runStep(StepId::Validate);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QString skipError;
    QVERIFY2(engine.skipQualityGates(QStringLiteral("emergency fix for the outage in billing"),
                                     QString::fromLatin1(DemoRunFixture::kPromoter),
                                     QStringLiteral("Tess Lead <tess.lead@example.org>"),
                                     &skipError),
             qPrintable(skipError));
    QCOMPARE(engine.state().step(StepId::QualityGates).status, StepStatus::Skipped);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.last().at(1).toModelIndex().row(), model.rowCount() - 1);
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, GateResultsModel::StatusColumn).data().toString(),
                 QStringLiteral("skipped"));
        QVERIFY(model.index(r, 0)
                    .data(GateResultsModel::MessageRole)
                    .toString()
                    .contains(QStringLiteral("emergency")));
        QCOMPARE(model.index(r, 0).data(Qt::BackgroundRole).value<QColor>(),
                 StatusPalette::background(StatusPalette::Tone::Muted));
    }
}

void TestGateResultsModel::newRunResetsTheModel()
{
    PromotionEngine engine;
    GateResultsModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(engine.begin(m_demo.request(), &error), qPrintable(error));
    engine.runStep(StepId::Validate);
    QCOMPARE(model.rowCount(), 4);
    // A new run, another transition: different gates.
    QVERIFY2(engine.begin(
                 m_demo.request(QStringLiteral("agent_orchestration"), QStringLiteral("staging")),
                 &error),
             qPrintable(error));
    // begin() announces the new state: the model drops the old run's rows by itself.
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).data().isValid());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestGateResultsModel::statusTextsAreDistinct()
{
    QSet<QString> seen;
    for (GateStatus s : {GateStatus::Pending, GateStatus::Running, GateStatus::Passed,
                         GateStatus::Failed, GateStatus::Error, GateStatus::Skipped,
                         GateStatus::NeedsAttestation, GateStatus::Cancelled})
        seen.insert(GateResultsModel::statusText(s));
    QCOMPARE(seen.size(), 8);
}

QTEST_MAIN(TestGateResultsModel)
#include "tst_gateresultsmodel.moc"
