// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklistmodel.h"
#include "checklistsupport.h"
#include "componentlistmodel.h"
#include "demo/demoworkspace.h"
#include "gateresultsmodel.h"
#include "journal/runjournal.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "policy/policytrust.h"
#include "promotionwizard.h"
#include "statuspalette.h"
#include "unfinishedrunspanel.h"
#include "workflow/promotionengine.h"
#include "workspace/workspace.h"

#include <memory>
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using namespace Promotion;

namespace {
constexpr int kStepTimeoutMs = 240000;
const QString kAlice = QStringLiteral("Alice Example <alice@example.com>");
const QString kBob = QStringLiteral("Bob Builder <bob@example.com>");

template <typename T> T *child(const QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

bool isFinal(StepStatus s)
{
    return s == StepStatus::Passed || s == StepStatus::Failed || s == StepStatus::Skipped;
}

QString blockers(const PromotionEngine *engine)
{
    return engine->state().blockers.join(QStringLiteral("\n"));
}

void setIdentity(const QString &identity)
{
    QSettings().setValue(QStringLiteral("identity/override"), identity);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/*! Tick row \a id of a checklist the way a keyboard user does: select it, press Space. */
} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void objectNamesAndKeyboard();
    void targetStageProposal();
    void agentOrchestrationDryRunThenReal();
    void skipGatesThenRollBackFromTheWizard();
    void playerExperienceBlockedOnCoverage();

private:
    void walkThrough(bool dryRun);
    void stopDemoService();

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<Promotion::StepId>();
    qRegisterMetaType<Promotion::StepStatus>();
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_wizard"));
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());

    // A port nobody else uses, for this test's demo service.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    qputenv("PROMOTION_DEMO_PORT", QByteArray::number(port));
    qputenv("DEMO_IDLE_TIMEOUT", "300"); // in case stopping it below fails

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->filePath(QStringLiteral("demo wörk's dir")); // a path to quote
    const QString error = DemoWorkspace::extractTo(m_root);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestWizard::cleanupTestCase()
{
    stopDemoService();
}

void TestWizard::init()
{
    QSettings().clear();
    setIdentity(kAlice);
}

void TestWizard::stopDemoService()
{
    if (m_root.isEmpty())
        return;
    QProcess stop;
    stop.setProgram(QStringLiteral("python3"));
    stop.setArguments({m_root + QStringLiteral("/tools/demo_service.py"), QStringLiteral("stop"),
                       QStringLiteral("--workspace"), m_root});
    stop.start();
    if (stop.waitForStarted(10000))
        stop.waitForFinished(30000);
}

void TestWizard::objectNamesAndKeyboard()
{
    PromotionWizard wizard(m_root);
    QCOMPARE(wizard.objectName(), QStringLiteral("promotionWizard"));
    for (const char *name : {"pageValidate", "pageGates", "pageCriteria", "pageTracking",
                             "pageExecute", "pageValidation"})
        QVERIFY2(child<QWidget>(&wizard, name), name);
    for (const char *name :
         {"wizardBackButton", "wizardNextButton", "wizardCancelButton", "wizardFinishButton",
          "runGatesButton", "cancelGatesButton", "retryGatesButton", "skipGatesButton",
          "attestButton", "openCoverageButton", "executeButton", "rollbackButton", "validateButton",
          "showReportButton"})
        QVERIFY2(child<QPushButton>(&wizard, name), name);
    QVERIFY(child<QCheckBox>(&wizard, "dryRunCheck"));
    QVERIFY(child<QTableView>(&wizard, "gateTable"));
    QVERIFY(child<QWidget>(&wizard, "coverageChart"));
    QVERIFY(child<QWidget>(&wizard, "healthChart"));
    QVERIFY(child<QTreeView>(&wizard, "criteriaView"));
    QVERIFY(child<QTextBrowser>(&wizard, "criteriaEvidence"));
    QVERIFY(child<QTreeView>(&wizard, "approvalsView"));
    QVERIFY(child<QPlainTextEdit>(&wizard, "issuePreview"));
    QVERIFY(child<QLabel>(&wizard, "issueLabels"));
    QVERIFY(child<QPlainTextEdit>(&wizard, "diffView"));
    QVERIFY(child<LogView>(&wizard, "deployLog"));
    QVERIFY(child<QLabel>(&wizard, "reportLocation"));
    QVERIFY(child<QListView>(&wizard, "stepList"));

    // Mnemonics: every button has one, and no two controls of a page share a letter
    // (the footer counts for every page).
    const QList<QWidget *> footer{
        child<QWidget>(&wizard, "wizardBackButton"), child<QWidget>(&wizard, "wizardNextButton"),
        child<QWidget>(&wizard, "wizardCancelButton"),
        child<QWidget>(&wizard, "wizardFinishButton"), child<QWidget>(&wizard, "dryRunCheck")};
    auto mnemonicOf = [](const QString &text) -> QChar {
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        return amp >= 0 && amp + 1 < text.size() ? text.at(amp + 1).toLower() : QChar();
    };
    for (const char *pageName : {"pageValidate", "pageGates", "pageCriteria", "pageTracking",
                                 "pageExecute", "pageValidation"}) {
        QWidget *page = child<QWidget>(&wizard, pageName);
        QHash<QChar, QString> used;
        QList<QWidget *> controls = footer;
        // The log view's own controls have their own keys (Ctrl+F, Ctrl+S...).
        auto insideLogView = [](QWidget *w) {
            for (QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
                if (qobject_cast<LogView *>(p))
                    return true;
            }
            return false;
        };
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
            // Buttons without text (a table's corner button) have nothing to underline.
            if (!insideLogView(b) && !qobject_cast<QToolButton *>(b) && !b->text().isEmpty())
                controls.append(b);
        }
        for (QLabel *l : page->findChildren<QLabel *>()) {
            if (l->buddy() && !insideLogView(l))
                controls.append(l);
        }
        for (QWidget *w : std::as_const(controls)) {
            QString text;
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                text = b->text();
            else if (auto *l = qobject_cast<QLabel *>(w))
                text = l->text();
            if (qobject_cast<QAbstractButton *>(w))
                QVERIFY2(!mnemonicOf(text).isNull(),
                         qPrintable(QStringLiteral("%1: %2").arg(w->objectName(), text)));
            const QChar m = mnemonicOf(text);
            if (m.isNull())
                continue;
            QVERIFY2(!used.contains(m),
                     qPrintable(QStringLiteral("%1: '%2' in \"%3\" and \"%4\"")
                                    .arg(QLatin1String(pageName), m, used.value(m), text)));
            used.insert(m, text);
        }
    }
    // Every button can be reached with Tab.
    for (QAbstractButton *b : wizard.findChildren<QAbstractButton *>()) {
        if (!b->text().isEmpty())
            QVERIFY2(b->focusPolicy() & Qt::TabFocus, qPrintable(b->objectName()));
    }
}

void TestWizard::targetStageProposal()
{
    {
        PromotionWizard wizard(m_root);
        wizard.setComponent(QStringLiteral("player_experience"));
        QCOMPARE(child<QComboBox>(&wizard, "targetStageCombo")->currentData().toString(),
                 QStringLiteral("staging"));
        QVERIFY(child<QLineEdit>(&wizard, "specEdit")->text() ==
                QStringLiteral("specs/player_experience.md"));
    }
    // The stage chosen in Settings, when it lies ahead of the component.
    QSettings().setValue(QStringLiteral("promotion/defaultTargetStage"),
                         QStringLiteral("production"));
    PromotionWizard wizard(m_root);
    wizard.setComponent(QStringLiteral("player_experience"));
    QCOMPARE(child<QComboBox>(&wizard, "targetStageCombo")->currentData().toString(),
             QStringLiteral("production"));
    // Skipping staging is refused by validation, which says why; the wizard stays on page 1.
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::mouseClick(child<QPushButton>(&wizard, "wizardNextButton"), Qt::LeftButton);
    QTRY_COMPARE(wizard.engine()->state().step(StepId::Validate).status, StepStatus::Failed);
    QCOMPARE(wizard.currentPage(), 0);
    QVERIFY(child<QLabel>(&wizard, "validateSummary")->text().contains(QStringLiteral("failed")));
    bool sawWhy = false;
    auto *checks = child<QListWidget>(&wizard, "validationChecks");
    for (int i = 0; i < checks->count(); ++i)
        sawWhy |= checks->item(i)->text().contains(QStringLiteral("skips staging"));
    QVERIFY(sawWhy);
    // Back to staging: the run is replaced, not kept next to the failed one.
    const QString firstRun = wizard.engine()->runDir();
    auto *target = child<QComboBox>(&wizard, "targetStageCombo");
    target->setCurrentIndex(target->findData(QStringLiteral("staging")));
    QTest::mouseClick(child<QPushButton>(&wizard, "validateButton"), Qt::LeftButton);
    QTRY_COMPARE(wizard.engine()->state().step(StepId::Validate).status, StepStatus::Passed);
    QVERIFY(wizard.engine()->runDir() != firstRun);
    QVERIFY(!QFileInfo::exists(firstRun));
    QCOMPARE(wizard.currentPage(), 0); // Validate alone does not move on
    QVERIFY(wizard.isPageReachable(1));
    wizard.close(); // asks: the run has begun
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = child<QMessageBox>(&wizard, "confirmCloseBox")) != nullptr);
    QTest::mouseClick(child<QPushButton>(confirm, "confirmLeaveButton"), Qt::LeftButton);
    QTRY_VERIFY(!wizard.isVisible());
    // Leave nothing for the later tests to resume.
    QDir(wizard.engine()->runDir()).removeRecursively();
}

void TestWizard::walkThrough(bool dryRun)
{
    auto wizardOwner = std::make_unique<PromotionWizard>(m_root);
    PromotionWizard *wizard = wizardOwner.get();
    PromotionEngine *engine = wizard->engine();
    wizard->setComponent(QStringLiteral("agent_orchestration"));
    wizard->resize(1400, 900);
    wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(wizard));

    // ---- page 1
    auto *target = child<QComboBox>(wizard, "targetStageCombo");
    QCOMPARE(target->currentData().toString(), QStringLiteral("staging"));
    QVERIFY(
        child<QLabel>(wizard, "currentStageLabel")->text().contains(QStringLiteral("development")));
    QVERIFY(child<QPlainTextEdit>(wizard, "specView")->toPlainText().contains(QStringLiteral("#")));
    auto *dryRunCheck = child<QCheckBox>(wizard, "dryRunCheck");
    QVERIFY(!dryRunCheck->isChecked());
    if (dryRun)
        QTest::mouseClick(dryRunCheck, Qt::LeftButton);
    QCOMPARE(dryRunCheck->isChecked(), dryRun);
    auto *next = child<QPushButton>(wizard, "wizardNextButton");
    auto *finish = child<QPushButton>(wizard, "wizardFinishButton");
    QVERIFY(next->isEnabled());
    QVERIFY(!finish->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    // Leaving page 1 begins the run and validates; it moves on when that passes.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentPage(), 1, 10000);
    QCOMPARE(engine->state().step(StepId::Validate).status, StepStatus::Passed);
    QCOMPARE(engine->state().request.dryRun, dryRun);
    QCOMPARE(engine->state().promoter, kAlice);
    QVERIFY(child<QListWidget>(wizard, "validationChecks")->count() >= 4);

    // ---- page 2: the real gates
    auto *table = child<QTableView>(wizard, "gateTable");
    QCOMPARE(table->model()->rowCount(), 6);
    QVERIFY(!next->isEnabled());
    QTest::mouseClick(child<QPushButton>(wizard, "runGatesButton"), Qt::LeftButton);
    QCOMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Running);
    QVERIFY(child<QPushButton>(wizard, "cancelGatesButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::QualityGates).status),
                             kStepTimeoutMs);
    QVERIFY2(engine->state().step(StepId::QualityGates).status == StepStatus::Passed,
             qPrintable(blockers(engine)));
    // Each gate's output streamed into its own log.
    auto *log = child<LogView>(wizard, "gateLog");
    table->setCurrentIndex(table->model()->index(0, 0));
    QCOMPARE(table->currentIndex().data(GateResultsModel::GateIdRole).toString(),
             QStringLiteral("tests"));
    QTRY_VERIFY(log->model()->rowCount() > 0);
    bool sawPytest = false;
    for (int r = 0; r < log->model()->rowCount(); ++r)
        sawPytest |= log->model()->lineText(r).contains(QStringLiteral("passed"));
    QVERIFY(sawPytest);
    QVERIFY(child<QPushButton>(wizard, "openCoverageButton")->isEnabled());
    QVERIFY(!child<QPushButton>(wizard, "retryGatesButton")->isEnabled());
    QVERIFY(next->isEnabled());
    QCOMPARE(child<QListView>(wizard, "stepList")
                 ->model()
                 ->index(1, 0)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("passed")),
             true);

    // ---- page 3: Ctrl+Enter is Next
    wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(wizard));
    QTest::keyClick(wizard, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(wizard->currentPage(), 2);
    auto *criteria = child<QTreeView>(wizard, "criteriaView");
    auto *criteriaModel = qobject_cast<ChecklistModel *>(criteria->model());
    QVERIFY(criteriaModel);
    QCOMPARE(criteriaModel->rowCount(), 7);
    // Proven by the gates: ticked, with evidence, and not for a person to change.
    const int unitTests = criteriaModel->rowOf(QStringLiteral("unit_tests"));
    QVERIFY(criteriaModel->index(unitTests, 0).data(ChecklistModel::AutomaticRole).toBool());
    criteria->setCurrentIndex(criteriaModel->index(unitTests, 0));
    QTRY_VERIFY(child<QTextBrowser>(wizard, "criteriaEvidence")
                    ->toPlainText()
                    .contains(QStringLiteral("coverage"), Qt::CaseInsensitive));
    QVERIFY(!next->isEnabled());
    for (const QString &id : {QStringLiteral("core_functionality"),
                              QStringLiteral("error_handling"), QStringLiteral("logging"),
                              QStringLiteral("documentation"), QStringLiteral("code_review")}) {
        ChecklistKeys::tick(criteria, id);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(criteriaModel->index(criteriaModel->rowOf(id), 0).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
    }
    QCOMPARE(engine->state().step(StepId::Criteria).status, StepStatus::Passed);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // ---- page 4: issue and approvals
    QTRY_COMPARE(wizard->currentPage(), 3);
    QTRY_VERIFY(child<QPlainTextEdit>(wizard, "issuePreview")
                    ->toPlainText()
                    .contains(QStringLiteral("agent_orchestration")));
    QVERIFY(child<QLabel>(wizard, "issueLabels")
                ->text()
                .contains(QStringLiteral("component:agent_orchestration")));
    auto *approvals = child<QTreeView>(wizard, "approvalsView");
    auto *approvalsModel = qobject_cast<ChecklistModel *>(approvals->model());
    QVERIFY(approvalsModel);
    QCOMPARE(approvalsModel->rowCount(), 2);
    ChecklistKeys::tick(approvals, QStringLiteral("tech_lead")); // the promoter holds this role
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(
        approvalsModel
            ->index(approvalsModel->rowOf(QStringLiteral("tech_lead")), ChecklistModel::ByColumn)
            .data()
            .toString(),
        QString(kAlice + QStringLiteral(" — in the console")));
    ChecklistKeys::tick(approvals, QStringLiteral("qa")); // ...and cannot also be QA
    if (QTest::currentTestFailed())
        return;
    QMessageBox *refusal = nullptr;
    QTRY_VERIFY((refusal = child<QMessageBox>(wizard, "approvalRefusedBox")) != nullptr);
    QVERIFY2(refusal->text().contains(QStringLiteral("Alice")), qPrintable(refusal->text()));
    auto *inlineError = child<QLabel>(wizard, "approvalError");
    QVERIFY(inlineError->isVisible());
    QVERIFY(inlineError->text().contains(QStringLiteral("QA approval")));
    QTest::mouseClick(refusal->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!child<QMessageBox>(wizard, "approvalRefusedBox"));
    QCOMPARE(approvalsModel->index(approvalsModel->rowOf(QStringLiteral("qa")), 0)
                 .data(Qt::CheckStateRole)
                 .toInt(),
             int(Qt::Unchecked));
    QVERIFY(!next->isEnabled());
    // Bob takes the keyboard.
    setIdentity(kBob);
    ChecklistKeys::tick(approvals, QStringLiteral("qa"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(engine->state().step(StepId::Tracking).status, StepStatus::Passed);
    QVERIFY(!inlineError->isVisible());
    QTRY_VERIFY(child<QPlainTextEdit>(wizard, "issuePreview")
                    ->toPlainText()
                    .contains(QStringLiteral("Bob")));
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // ---- page 5: the diff first, then the promotion
    QTRY_COMPARE(wizard->currentPage(), 4);
    const QString preview = child<QPlainTextEdit>(wizard, "diffView")->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("+__maturity__ = \"staging\"")), qPrintable(preview));
    QVERIFY(readFile(m_root + QStringLiteral("/src/agent_orchestration/__init__.py"))
                .contains(QStringLiteral("__maturity__ = \"development\""))); // nothing written yet
    auto *execute = child<QPushButton>(wizard, "executeButton");
    QCOMPARE(execute->text().remove(QLatin1Char('&')),
             dryRun ? QStringLiteral("Record dry run") : QStringLiteral("Promote"));
    QVERIFY(dryRunCheck->isEnabled());
    QTest::mouseClick(execute, Qt::LeftButton);
    QVERIFY(!dryRunCheck->isEnabled()); // fixed once step 5 starts
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::Execute).status), kStepTimeoutMs);
    QVERIFY2(engine->state().step(StepId::Execute).status == StepStatus::Passed,
             qPrintable(engine->state().step(StepId::Execute).summary));
    if (!dryRun) {
        // kubectl's output reached the live log.
        auto *deployLog = child<LogView>(wizard, "deployLog");
        QTRY_VERIFY(deployLog->model()->rowCount() > 1);
        bool sawDeploy = false;
        for (int r = 0; r < deployLog->model()->rowCount(); ++r)
            sawDeploy |= deployLog->model()->lineText(r).contains(QStringLiteral("deploy"));
        QVERIFY(sawDeploy);
    }
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // ---- page 6: validation starts by itself
    QTRY_COMPARE(wizard->currentPage(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::PostValidation).status),
                             kStepTimeoutMs);
    QVERIFY2(engine->state().step(StepId::PostValidation).status == StepStatus::Passed,
             qPrintable(engine->state().step(StepId::PostValidation).summary));
    QTRY_VERIFY(child<QListWidget>(wizard, "postValidationChecks")->count() > 0);
    QCOMPARE(child<QPushButton>(wizard, "rollbackButton")->isEnabled(), !dryRun);
    if (!dryRun)
        QVERIFY(!engine->state().validation.samples.isEmpty());
    QTRY_VERIFY(finish->isEnabled());
    QVERIFY(!next->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    auto *location = child<QLabel>(wizard, "reportLocation");
    QTRY_VERIFY(location->isVisible());
    const QString report = wizard->reportPath();
    QVERIFY(QFileInfo::exists(report));
    QVERIFY(location->text().contains(QDir::toNativeSeparators(report)));
    QVERIFY(child<QPushButton>(wizard, "showReportButton")->isVisible());
    const QString init = readFile(m_root + QStringLiteral("/src/agent_orchestration/__init__.py"));
    if (dryRun) {
        QCOMPARE(engine->state().outcome, RunOutcome::DryRunPassed);
        QVERIFY(report.startsWith(Workspace(m_root).runsDir()));
        QVERIFY(init.contains(QStringLiteral("__maturity__ = \"development\"")));
    } else {
        QCOMPARE(engine->state().outcome, RunOutcome::Promoted);
        QCOMPARE(QFileInfo(report).absolutePath(),
                 QFileInfo(Workspace(m_root).reportsDir()).absoluteFilePath());
        QVERIFY2(init.contains(QStringLiteral("__maturity__ = \"staging\"")), qPrintable(init));
    }
    QVERIFY(readFile(report).contains(QStringLiteral("agent_orchestration")));

    // A finished run closes without asking.
    auto *cancel = child<QPushButton>(wizard, "wizardCancelButton");
    QCOMPARE(cancel->text().remove(QLatin1Char('&')), QStringLiteral("Close"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!wizard->isVisible());
    QVERIFY(!child<QMessageBox>(wizard, "confirmCloseBox"));
}

void TestWizard::agentOrchestrationDryRunThenReal()
{
    walkThrough(true);
    if (QTest::currentTestFailed())
        return;
    setIdentity(kAlice);
    walkThrough(false);
}

void TestWizard::skipGatesThenRollBackFromTheWizard()
{
    const QString initPath = m_root + QStringLiteral("/src/agent_orchestration/__init__.py");
    if (!readFile(initPath).contains(QStringLiteral("__maturity__ = \"staging\"")))
        QSKIP("needs agent_orchestration at staging (agentOrchestrationDryRunThenReal)");
    // Production forbids skipping by default (options.allow_skip_quality_gates): this
    // workspace allows it, without a second approval, for the length of this test.
    const QString policyPath = m_root + QStringLiteral("/promotion.yaml");
    const QByteArray policy = readFile(policyPath).toUtf8();
    {
        QFile f(policyPath);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        const QByteArray allow = "\noptions:\n  allow_skip_quality_gates: [staging, production]\n"
                                 "  skip_approval_role: \"\"\n";
        QVERIFY(f.write(policy + allow) == policy.size() + allow.size());
    }
    const auto restore = qScopeGuard([&] {
        QFile f(policyPath);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(policy);
    });
    PromotionWizard wizard(m_root);
    PromotionEngine *engine = wizard.engine();
    wizard.setComponent(QStringLiteral("agent_orchestration"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(child<QComboBox>(&wizard, "targetStageCombo")->currentData().toString(),
             QStringLiteral("production"));
    auto *next = child<QPushButton>(&wizard, "wizardNextButton");
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), 1, 10000);

    // Page 2: skip every gate, with a reason.
    QTest::mouseClick(child<QPushButton>(&wizard, "skipGatesButton"), Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = child<QInputDialog>(&wizard, "skipReasonDialog")) != nullptr);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(),
                     QStringLiteral("rollback drill of the production path"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Skipped);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // Page 3: nothing is proven when gates are skipped; a person ticks every criterion.
    QTRY_COMPARE(wizard.currentPage(), 2);
    auto *criteria = child<QTreeView>(&wizard, "criteriaView");
    auto *criteriaModel = qobject_cast<ChecklistModel *>(criteria->model());
    QVERIFY(criteriaModel->rowCount() > 0);
    for (int r = 0; r < criteriaModel->rowCount(); ++r) {
        QVERIFY(!criteriaModel->index(r, 0).data(ChecklistModel::AutomaticRole).toBool());
        ChecklistKeys::tick(criteria,
                            criteriaModel->index(r, 0).data(ChecklistModel::IdRole).toString());
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(engine->state().step(StepId::Criteria).status, StepStatus::Passed);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // Page 4: three people approve production.
    QTRY_COMPARE(wizard.currentPage(), 3);
    QTRY_VERIFY(child<QPlainTextEdit>(&wizard, "issuePreview")
                    ->toPlainText()
                    .contains(QStringLiteral("rollback drill")));
    auto *approvals = child<QTreeView>(&wizard, "approvalsView");
    QCOMPARE(approvals->model()->rowCount(), 3);
    ChecklistKeys::tick(approvals, QStringLiteral("tech_lead"));
    if (QTest::currentTestFailed())
        return;
    setIdentity(kBob);
    ChecklistKeys::tick(approvals, QStringLiteral("qa"));
    if (QTest::currentTestFailed())
        return;
    setIdentity(QStringLiteral("Carol Secure <carol@example.com>"));
    ChecklistKeys::tick(approvals, QStringLiteral("security"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(engine->state().step(StepId::Tracking).status, StepStatus::Passed);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    // Page 5 and 6: deploy to production, validate.
    QTRY_COMPARE(wizard.currentPage(), 4);
    QTest::mouseClick(child<QPushButton>(&wizard, "executeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::Execute).status), kStepTimeoutMs);
    QVERIFY2(engine->state().step(StepId::Execute).status == StepStatus::Passed,
             qPrintable(engine->state().step(StepId::Execute).summary));
    QVERIFY(readFile(initPath).contains(QStringLiteral("__maturity__ = \"production\"")));
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(wizard.currentPage(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::PostValidation).status),
                             kStepTimeoutMs);
    QVERIFY2(engine->state().step(StepId::PostValidation).status == StepStatus::Passed,
             qPrintable(engine->state().step(StepId::PostValidation).summary));

    // Roll back by hand: confirm, with a reason.
    auto *rollback = child<QPushButton>(&wizard, "rollbackButton");
    QVERIFY(rollback->isEnabled());
    QTest::mouseClick(rollback, Qt::LeftButton);
    QTRY_VERIFY((dialog = child<QInputDialog>(&wizard, "rollbackDialog")) != nullptr);
    auto *reasonEdit = dialog->findChild<QLineEdit *>();
    reasonEdit->clear();
    QTest::keyClicks(reasonEdit, QStringLiteral("drill: undo production"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(engine->state().outcome == RunOutcome::RolledBack &&
                                 !engine->isBusy(),
                             kStepTimeoutMs);
    QVERIFY(engine->state().validation.rolledBack);
    QCOMPARE(engine->state().validation.rollbackReason, QStringLiteral("drill: undo production"));
    QVERIFY(!rollback->isEnabled());
    QTRY_VERIFY(
        child<QLabel>(&wizard, "validationStatus")->text().contains(QStringLiteral("Rolled back")));
    // The rollback command's output is shown, and the metadata says staging again.
    auto *log = child<LogView>(&wizard, "validationLog");
    bool sawRollback = false;
    for (int r = 0; r < log->model()->rowCount(); ++r)
        sawRollback |= log->model()->lineText(r).contains(QStringLiteral("rollback"));
    QVERIFY(sawRollback);
    QVERIFY(readFile(initPath).contains(QStringLiteral("__maturity__ = \"staging\"")));

    auto *finish = child<QPushButton>(&wizard, "wizardFinishButton");
    QTRY_VERIFY(finish->isEnabled());
    QTest::mouseClick(finish, Qt::LeftButton);
    QTRY_VERIFY(wizard.isRunFinished());
    QCOMPARE(engine->state().outcome, RunOutcome::RolledBack);
    QVERIFY(readFile(wizard.reportPath()).contains(QStringLiteral("rolled_back")));
    stopDemoService();
}

void TestWizard::playerExperienceBlockedOnCoverage()
{
    {
        PromotionWizard wizard(m_root);
        PromotionEngine *engine = wizard.engine();
        wizard.setComponent(QStringLiteral("player_experience"));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *next = child<QPushButton>(&wizard, "wizardNextButton");
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), 1, 10000);
        QTest::mouseClick(child<QPushButton>(&wizard, "runGatesButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::QualityGates).status),
                                 kStepTimeoutMs);
        QCOMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Failed);

        auto *table = child<QTableView>(&wizard, "gateTable");
        auto *model = qobject_cast<GateResultsModel *>(table->model());
        QVERIFY(model);
        const int coverage = model->rowOf(QStringLiteral("coverage"));
        QVERIFY(coverage >= 0);
        QCOMPARE(model->index(coverage, 0).data(GateResultsModel::StatusNameRole).toString(),
                 QStringLiteral("failed"));
        for (int c = 0; c < model->columnCount(); ++c)
            QCOMPARE(model->index(coverage, c).data(Qt::BackgroundRole).value<QColor>(),
                     StatusPalette::background(StatusPalette::Tone::Bad));
        QVERIFY(model->index(coverage, GateResultsModel::MeasuredColumn)
                    .data()
                    .toString()
                    .contains(QLatin1Char('5')));
        // Coverage is the only blocker.
        for (int r = 0; r < model->rowCount(); ++r) {
            if (r != coverage)
                QVERIFY2(model->index(r, 0).data(GateResultsModel::StatusNameRole).toString() ==
                             QLatin1String("passed"),
                         qPrintable(model->gateIdAt(r)));
        }
        QVERIFY(child<QLabel>(&wizard, "gatesStatus")
                    ->text()
                    .contains(QStringLiteral("coverage"), Qt::CaseInsensitive));
        QVERIFY(!next->isEnabled());
        // The gate pane opens on the failed gate; Finish says what it records.
        QCOMPARE(table->currentIndex().row(), coverage);
        QVERIFY(child<QLabel>(&wizard, "gateLogTitle")->text().contains(QStringLiteral("coverage")));
        auto *finish = child<QPushButton>(&wizard, "wizardFinishButton");
        QVERIFY(finish->isEnabled());
        QVERIFY2(finish->text().contains(QStringLiteral("blocked")), qPrintable(finish->text()));
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentPage(), 1);
        QVERIFY(child<QPushButton>(&wizard, "retryGatesButton")->isEnabled());
        QVERIFY(child<QPushButton>(&wizard, "skipGatesButton")->isEnabled());

        // Closing mid-run asks first; the run stays resumable.
        wizard.close();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = child<QMessageBox>(&wizard, "confirmCloseBox")) != nullptr);
        QVERIFY(wizard.isVisible());
        QTest::mouseClick(child<QPushButton>(confirm, "confirmLeaveButton"), Qt::LeftButton);
        QTRY_VERIFY(!wizard.isVisible());
    }
    const QList<RunState> open =
        RunJournal(Workspace(m_root).runsDir()).unfinished(QStringLiteral("player_experience"));
    QCOMPARE(open.size(), 1);

    // The main window offers to resume it (this test wrote the policy it runs).
    PolicyTrust::trust(m_root);
    MainWindow window;
    QVERIFY(window.openWorkspace(m_root));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The list does not call the blocked component ready.
    auto *components = child<QTreeView>(&window, "componentView")->model();
    for (int r = 0; r < components->rowCount(); ++r) {
        if (components->index(r, 0).data().toString() == QLatin1String("player_experience"))
            QVERIFY2(components->index(r, ComponentListModel::StatusColumn)
                         .data()
                         .toString()
                         .contains(QStringLiteral("blocked")),
                     qPrintable(components->index(r, ComponentListModel::StatusColumn).data().toString()));
    }
    auto *panel = child<UnfinishedRunsPanel>(&window, "unfinishedRunsPanel");
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    auto *runs = child<QTreeWidget>(panel, "unfinishedRunsView");
    QCOMPARE(runs->topLevelItemCount(), 1);
    QTreeWidgetItem *runRow = runs->topLevelItem(0);
    QCOMPARE(runRow->text(UnfinishedRunsPanel::ComponentColumn),
             QStringLiteral("player_experience"));
    QVERIFY2(runRow->text(UnfinishedRunsPanel::StepColumn).contains(QStringLiteral("Step 2")),
             qPrintable(runRow->text(UnfinishedRunsPanel::StepColumn)));
    runs->setCurrentItem(runRow);
    QTest::mouseClick(child<QPushButton>(panel, "resumeRunButton"), Qt::LeftButton);
    PromotionWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = child<PromotionWizard>(&window, "promotionWizard")) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(wizard));
    QCOMPARE(wizard->currentPage(), 1);
    QCOMPARE(wizard->engine()->state().runId, open.first().runId);
    auto *model = qobject_cast<GateResultsModel *>(child<QTableView>(wizard, "gateTable")->model());
    QCOMPARE(model->index(model->rowOf(QStringLiteral("coverage")), 0)
                 .data(GateResultsModel::StatusNameRole)
                 .toString(),
             QStringLiteral("failed"));
    // Inputs of a run past validation are fixed.
    QVERIFY(!child<QComboBox>(wizard, "componentCombo")->isEnabled());

    // Skipping needs a reason: an empty one is refused.
    auto *skip = child<QPushButton>(wizard, "skipGatesButton");
    QTest::mouseClick(skip, Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = child<QInputDialog>(wizard, "skipReasonDialog")) != nullptr);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(wizard, "gatesStatus")
                    ->text()
                    .contains(QStringLiteral("reason is required")));
    QCOMPARE(wizard->engine()->state().step(StepId::QualityGates).status, StepStatus::Failed);
    // "x" is no reason: a skip takes a sentence.
    QTest::mouseClick(skip, Qt::LeftButton);
    QTRY_VERIFY((dialog = child<QInputDialog>(wizard, "skipReasonDialog")) != nullptr);
    QVERIFY(dialog->labelText().contains(QStringLiteral("(coverage)")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("x"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(wizard, "gatesStatus")
                    ->text()
                    .contains(QStringLiteral("at least 20 characters and 4 words")));
    QCOMPARE(wizard->engine()->state().step(StepId::QualityGates).status, StepStatus::Failed);
    // A sentence, approved by a second person in the role the policy names.
    const QPointer<QInputDialog> refused = dialog;
    QTest::mouseClick(skip, Qt::LeftButton);
    // A new dialog opens; the refused one may linger hidden until it is deleted.
    const auto openDialog = [&] {
        const auto all = wizard->findChildren<QInputDialog *>(QStringLiteral("skipReasonDialog"));
        for (QInputDialog *d : all) {
            if (d != refused && d->isVisible())
                return d;
        }
        return static_cast<QInputDialog *>(nullptr);
    };
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    const QString reason = QStringLiteral("coverage waiver PX-7 agreed with the QA lead");
    QTest::keyClicks(dialog->findChild<QLineEdit *>(), reason);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QInputDialog *approver = nullptr;
    QTRY_VERIFY((approver = child<QInputDialog>(wizard, "skipApproverDialog")) != nullptr);
    QTest::keyClicks(approver->findChild<QLineEdit *>(),
                     QStringLiteral("Tess Lead <tess.lead@example.org>"));
    QTest::mouseClick(approver->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE(wizard->engine()->state().step(StepId::QualityGates).status, StepStatus::Skipped);
    QCOMPARE(wizard->engine()->state().request.skipReason, reason);
    QTRY_VERIFY(child<QPushButton>(wizard, "wizardNextButton")->isEnabled());

    wizard->close();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = child<QMessageBox>(wizard, "confirmCloseBox")) != nullptr);
    QTest::mouseClick(child<QPushButton>(confirm, "confirmLeaveButton"), Qt::LeftButton);
    QTRY_VERIFY(!child<PromotionWizard>(&window, "promotionWizard")); // deleted on close

    // Promote… opens a new wizard on the selected component.
    auto *componentView = child<QTreeView>(&window, "componentView");
    const int row = [&] {
        for (int r = 0; r < componentView->model()->rowCount(); ++r) {
            if (componentView->model()->index(r, 0).data().toString() ==
                QLatin1String("player_experience"))
                return r;
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    componentView->setCurrentIndex(componentView->model()->index(row, 0));
    auto *promote = child<QToolButton>(&window, "promoteButton");
    QVERIFY(promote);
    QTest::mouseClick(promote, Qt::LeftButton);
    // The component has an unfinished run: the window says so and offers to resume it.
    QMessageBox *unfinished = nullptr;
    QTRY_VERIFY((unfinished = child<QMessageBox>(&window, "unfinishedRunBox")) != nullptr);
    QTest::mouseClick(child<QPushButton>(unfinished, "startNewButton"), Qt::LeftButton);
    QTRY_VERIFY((wizard = child<PromotionWizard>(&window, "promotionWizard")) != nullptr);
    QCOMPARE(child<QComboBox>(wizard, "componentCombo")->currentData().toString(),
             QStringLiteral("player_experience"));
    wizard->close(); // nothing begun: no question
    QTRY_VERIFY(!child<PromotionWizard>(&window, "promotionWizard"));
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
