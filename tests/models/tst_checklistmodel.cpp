// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklistmodel.h"
#include "demorunfixture.h"
#include "workflow/promotionengine.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Promotion;

namespace {
constexpr int kGateTimeoutMs = 120000;
const QString kBob = QStringLiteral("Bob Builder <bob@example.com>");
} // namespace

class TestChecklistModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void criteriaTickedByAPerson();
    void criteriaProvenByGatesAreNotCheckable();
    void approvalsRefuseSelfApproval();
    void tickWithoutIdentityIsRefused();
    void frozenOnceExecuting();

private:
    bool begin(PromotionEngine &engine, bool skipGates);
    bool runGates(PromotionEngine &engine);
    static int rowOf(const ChecklistModel &model, const QString &id) { return model.rowOf(id); }

    DemoRunFixture m_demo;
};

void TestChecklistModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Promotion::StepId>();
    qRegisterMetaType<Promotion::StepStatus>();
    const QString error = m_demo.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_demo.writePolicy(DemoRunFixture::fastPolicy()));
}

bool TestChecklistModel::begin(PromotionEngine &engine, bool skipGates)
{
    PromotionRequest request = m_demo.request();
    request.skipQualityGates = skipGates;
    request.skipReason = skipGates ? QStringLiteral("the gates of this model test ran elsewhere already") : QString();
    QString error;
    if (!engine.begin(request, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    engine.runStep(StepId::Validate);
    return engine.state().step(StepId::Validate).status == StepStatus::Passed;
}

bool TestChecklistModel::runGates(PromotionEngine &engine)
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

void TestChecklistModel::criteriaTickedByAPerson()
{
    PromotionEngine engine;
    ChecklistModel model(ChecklistModel::Kind::Criteria, &engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIdentityProvider([] { return kBob; });
    QVERIFY(begin(engine, true));
    QVERIFY(runGates(engine)); // skipped: immediate
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    engine.runStep(StepId::Criteria);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(ChecklistModel::ColumnCount));
    // Gates were skipped: nothing is proven, a person confirms everything.
    QCOMPARE(engine.state().step(StepId::Criteria).status, StepStatus::Failed);
    QCOMPARE(model.missingRequiredCount(), 3);
    const int optional = rowOf(model, QStringLiteral("logging"));
    QVERIFY(!model.index(optional, 0).data(ChecklistModel::RequiredRole).toBool());
    QVERIFY(model.index(optional, 0).data().toString().contains(QStringLiteral("optional")));

    const int r = rowOf(model, QStringLiteral("error_handling"));
    const QModelIndex item = model.index(r, ChecklistModel::ItemColumn);
    QVERIFY(model.flags(item) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(r, ChecklistModel::ByColumn)) & Qt::ItemIsUserCheckable));
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(item.data(ChecklistModel::EvidenceRole).toString().isEmpty());
    QVERIFY(!item.data(Qt::ToolTipRole).toString().isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(item, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), r);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), r);
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(r, ChecklistModel::ByColumn).data().toString(), kBob);
    QVERIFY(!model.index(r, ChecklistModel::WhenColumn).data().toString().isEmpty());
    QVERIFY(item.data(ChecklistModel::WhenRole).toDateTime().isValid());
    QVERIFY(item.data(ChecklistModel::EvidenceRole).toString().contains(kBob));
    QCOMPARE(item.data(Qt::ToolTipRole), item.data(ChecklistModel::EvidenceRole));
    // The engine holds the tick: no copy in the model.
    for (const CriterionState &c : engine.state().criteria) {
        if (c.id == QStringLiteral("error_handling")) {
            QVERIFY(c.checked);
            QCOMPARE(c.identity, kBob);
        }
    }

    for (const QString &id :
         {QStringLiteral("integration_tests_written"), QStringLiteral("design_notes")})
        QVERIFY(model.setData(model.index(rowOf(model, id), 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.missingRequiredCount(), 0);
    QCOMPARE(engine.state().step(StepId::Criteria).status, StepStatus::Passed);

    // Unticking goes back through the engine too.
    QVERIFY(model.setData(item, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model.index(r, ChecklistModel::ByColumn).data().toString().isEmpty());
    QCOMPARE(engine.state().step(StepId::Criteria).status, StepStatus::Failed);
    // Other roles and columns are not editable.
    QVERIFY(
        !model.setData(model.index(r, ChecklistModel::ByColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!model.setData(item, QStringLiteral("x"), Qt::EditRole));
}

void TestChecklistModel::criteriaProvenByGatesAreNotCheckable()
{
    PromotionEngine engine;
    ChecklistModel model(ChecklistModel::Kind::Criteria, &engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIdentityProvider([] { return kBob; });
    QVERIFY(begin(engine, false));
    QVERIFY(runGates(engine)); // integration_tests_exist passes, docs_exist fails
    engine.runStep(StepId::Criteria);
    const int proven = rowOf(model, QStringLiteral("integration_tests_written"));
    const QModelIndex item = model.index(proven, 0);
    QVERIFY(item.data(ChecklistModel::AutomaticRole).toBool());
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!(model.flags(item) & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(item, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(proven, ChecklistModel::ByColumn).data().toString(),
             QStringLiteral("automatic"));
    QVERIFY2(item.data(ChecklistModel::EvidenceRole)
                 .toString()
                 .contains(QStringLiteral("Integration tests exist")),
             qPrintable(item.data(ChecklistModel::EvidenceRole).toString()));

    // Proven by a gate that failed: a person may still confirm it.
    const QModelIndex notProven = model.index(rowOf(model, QStringLiteral("design_notes")), 0);
    QVERIFY(!notProven.data(ChecklistModel::AutomaticRole).toBool());
    QVERIFY(model.flags(notProven) & Qt::ItemIsUserCheckable);
    QVERIFY(notProven.data(Qt::ToolTipRole).toString().contains(QStringLiteral("docs_exist")));
}

void TestChecklistModel::approvalsRefuseSelfApproval()
{
    PromotionEngine engine;
    ChecklistModel model(ChecklistModel::Kind::Approvals, &engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString who = QString::fromLatin1(DemoRunFixture::kPromoter);
    model.setIdentityProvider([&who] { return who; });
    QVERIFY(begin(engine, true));
    QVERIFY(runGates(engine));
    engine.runStep(StepId::Criteria);
    engine.runStep(StepId::Tracking);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Approval"));
    const QModelIndex lead = model.index(rowOf(model, QStringLiteral("tech_lead")), 0);
    const QModelIndex qa = model.index(rowOf(model, QStringLiteral("qa")), 0);
    QCOMPARE(lead.data().toString(), QStringLiteral("Tech lead approval"));
    QVERIFY(lead.data(ChecklistModel::RequiredRole).toBool());

    QSignalSpy refused(&model, &ChecklistModel::refused);
    // The promoter is the tech lead by default...
    QVERIFY(model.setData(lead, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(lead.data(ChecklistModel::IdentityRole).toString(), who);
    QVERIFY(lead.data(ChecklistModel::EvidenceRole).toString().contains(QStringLiteral("Alice")));
    // ...and cannot also be QA.
    QVERIFY(!model.setData(qa, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toString(), QStringLiteral("qa"));
    const QString reason = refused.first().at(1).toString();
    QVERIFY2(reason.contains(QStringLiteral("Alice")), qPrintable(reason));
    QCOMPARE(qa.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(engine.state().step(StepId::Tracking).status, StepStatus::Failed);

    // Somebody else at the keyboard.
    who = kBob;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(qa, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), qa.row());
    QCOMPARE(model.index(qa.row(), ChecklistModel::ByColumn).data().toString(),
             QString(kBob + QStringLiteral(" — in the console")));
    QCOMPARE(engine.state().step(StepId::Tracking).status, StepStatus::Passed);
    QVERIFY(engine.state().issueBody.contains(QStringLiteral("Bob")));

    QVERIFY(model.setData(qa, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(qa.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(engine.state().step(StepId::Tracking).status, StepStatus::Failed);
}

void TestChecklistModel::tickWithoutIdentityIsRefused()
{
    PromotionEngine engine;
    ChecklistModel model(ChecklistModel::Kind::Criteria, &engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIdentityProvider([] { return QStringLiteral("   "); });
    QVERIFY(begin(engine, true));
    QVERIFY(runGates(engine));
    engine.runStep(StepId::Criteria);
    QSignalSpy refused(&model, &ChecklistModel::refused);
    const QModelIndex item = model.index(rowOf(model, QStringLiteral("error_handling")), 0);
    QVERIFY(!model.setData(item, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.first().at(1).toString().contains(QStringLiteral("identity")));
    QCOMPARE(item.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestChecklistModel::frozenOnceExecuting()
{
    PromotionEngine engine;
    ChecklistModel model(ChecklistModel::Kind::Criteria, &engine);
    model.setIdentityProvider([] { return kBob; });
    QVERIFY(begin(engine, true));
    QVERIFY(runGates(engine));
    engine.runStep(StepId::Criteria);
    const QModelIndex item = model.index(rowOf(model, QStringLiteral("error_handling")), 0);
    QVERIFY(model.flags(item) & Qt::ItemIsUserCheckable);
    QVERIFY(!model.data(item, Qt::ForegroundRole).isValid());
    // A finished run (here: blocked) takes no more ticks, and looks it.
    QString error;
    QVERIFY(!engine.finish(&error).isEmpty());
    QVERIFY(!(model.flags(item) & Qt::ItemIsUserCheckable));
    QCOMPARE(model.data(item, Qt::ForegroundRole).value<QBrush>().color(),
             QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    QVERIFY(model.data(item, Qt::ToolTipRole).toString().contains(QStringLiteral("Read-only")));
    QVERIFY(!model.setData(item, Qt::Checked, Qt::CheckStateRole));
}

QTEST_MAIN(TestChecklistModel)
#include "tst_checklistmodel.moc"
