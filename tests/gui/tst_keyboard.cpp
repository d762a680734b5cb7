// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard-only use: a dry-run promotion of the demo completed with Tab, Space, Enter and the
// mnemonics, without a single mouse event; and no two controls of a page (wizard footer
// included) or of the main window share a mnemonic, in English and in German.
#include "checklistmodel.h"
#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "promotionwizard.h"
#include "testconfig.h"
#include "translationloader.h"
#include "uitextsupport.h"
#include "workflow/promotionengine.h"

#include <memory>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QListView>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Promotion;

namespace {
constexpr int kStepTimeoutMs = 240000;

template <typename T> T *child(const QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

bool isFinal(StepStatus s)
{
    return s == StepStatus::Passed || s == StepStatus::Failed || s == StepStatus::Skipped;
}

/*! Counts every mouse event the application sees. */
class MouseWatch final : public QObject
{
public:
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::MouseMove:
            ++count;
            break;
        default:
            break;
        }
        return false;
    }
};

/*! Alt+letter to the window that has the focus: the control with that mnemonic reacts. */
void mnemonic(char letter)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClick(target, Qt::Key(Qt::Key_A + (letter - 'a')), Qt::AltModifier);
}

/*! Tab until \a wanted has the focus (at most \a limit presses); true when it got it. */
bool tabTo(QWidget *wanted, int limit = 60)
{
    for (int i = 0; i < limit; ++i) {
        if (QApplication::focusWidget() == wanted)
            return true;
        QWidget *from = QApplication::focusWidget();
        if (!from)
            from = wanted->window();
        QTest::keyClick(from, Qt::Key_Tab);
    }
    return QApplication::focusWidget() == wanted;
}

/*! Space on every row of the checklist \a view that a person still has to tick, moving
 *  down the list with the arrow key. */
void tickOpenRows(QTreeView *view)
{
    auto *model = qobject_cast<ChecklistModel *>(view->model());
    QVERIFY(model);
    QCOMPARE(QApplication::focusWidget(), view);
    QTest::keyClick(view, Qt::Key_Home);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(view->currentIndex().row(), row);
        const QModelIndex index = model->index(row, 0);
        const bool open = index.data(Qt::CheckStateRole).toInt() != Qt::Checked &&
                          !index.data(ChecklistModel::AutomaticRole).toBool();
        if (open)
            QTest::keyClick(view, Qt::Key_Space);
        QTest::keyClick(view, Qt::Key_Down);
    }
}
} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dryRunWithTheKeyboardOnly();
    void mnemonicsDoNotCollide_data();
    void mnemonicsDoNotCollide();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestKeyboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keyboard"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
    QSettings().setValue(QStringLiteral("identity/override"),
                         QStringLiteral("Alice Example <alice@example.com>"));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    qputenv("PROMOTION_DEMO_PORT", QByteArray::number(probe.serverPort()));
    probe.close();
    qputenv("DEMO_IDLE_TIMEOUT", "300");
    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->filePath(QStringLiteral("demo"));
    const QString error = DemoWorkspace::extractTo(m_root);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestKeyboard::cleanupTestCase()
{
    if (m_root.isEmpty())
        return;
    QProcess stop;
    stop.start(QStringLiteral("python3"),
               {m_root + QStringLiteral("/tools/demo_service.py"), QStringLiteral("stop"),
                QStringLiteral("--workspace"), m_root});
    if (stop.waitForStarted(10000))
        stop.waitForFinished(30000);
}

void TestKeyboard::dryRunWithTheKeyboardOnly()
{
    MouseWatch mice;
    qApp->installEventFilter(&mice);
    PromotionWizard wizard(m_root);
    PromotionEngine *engine = wizard.engine();
    wizard.resize(1024, 700);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QTRY_VERIFY(QApplication::focusWidget());

    // ---- page 1: Alt+C to the component, typed; Alt+D ticks "Dry run"; Alt+N validates and
    // goes on.
    auto *component = child<QComboBox>(&wizard, "componentCombo");
    mnemonic('c');
    QTRY_COMPARE(QApplication::focusWidget(), component);
    QTest::keyClicks(component, QStringLiteral("agent"));
    QTRY_COMPARE(component->currentText(), QStringLiteral("agent_orchestration"));
    auto *dryRun = child<QCheckBox>(&wizard, "dryRunCheck");
    mnemonic('d');
    QTRY_VERIFY(dryRun->isChecked());
    mnemonic('n');
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), 1, 20000);
    QVERIFY(engine->state().request.dryRun);

    // ---- page 2: Tab to "Run gates", Space.
    auto *run = child<QPushButton>(&wizard, "runGatesButton");
    QVERIFY(tabTo(run));
    QTest::keyClick(run, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::QualityGates).status),
                             kStepTimeoutMs);
    QCOMPARE(engine->state().step(StepId::QualityGates).status, StepStatus::Passed);
    // Ctrl+Enter is Next.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(wizard.currentPage(), 2);

    // ---- page 3: Alt+C to the criteria, Space on each open one.
    auto *criteria = child<QTreeView>(&wizard, "criteriaView");
    mnemonic('c');
    QTRY_COMPARE(QApplication::focusWidget(), criteria);
    tickOpenRows(criteria);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(engine->state().step(StepId::Criteria).status, StepStatus::Passed);
    mnemonic('n');
    QTRY_COMPARE(wizard.currentPage(), 3);

    // ---- page 4: Alt+A to the approvals; Alice ticks hers, then Bob (at his keyboard) his.
    auto *approvals = child<QTreeView>(&wizard, "approvalsView");
    mnemonic('a');
    QTRY_COMPARE(QApplication::focusWidget(), approvals);
    auto *approvalModel = qobject_cast<ChecklistModel *>(approvals->model());
    QVERIFY(approvalModel);
    QTest::keyClick(approvals, Qt::Key_Home);
    for (int row = 0; row < approvalModel->rowCount(); ++row) {
        if (approvalModel->index(row, 0).data(ChecklistModel::IdRole).toString() ==
            QLatin1String("qa"))
            QSettings().setValue(QStringLiteral("identity/override"),
                                 QStringLiteral("Bob Builder <bob@example.com>"));
        QTest::keyClick(approvals, Qt::Key_Space);
        QTest::keyClick(approvals, Qt::Key_Down);
    }
    QTRY_COMPARE(engine->state().step(StepId::Tracking).status, StepStatus::Passed);
    mnemonic('n');
    QTRY_COMPARE(wizard.currentPage(), 4);

    // ---- page 5: Tab to "Record dry run", Space.
    auto *execute = child<QPushButton>(&wizard, "executeButton");
    QVERIFY(execute->text().contains(QStringLiteral("dry run")));
    QVERIFY(tabTo(execute));
    QTest::keyClick(execute, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::Execute).status), kStepTimeoutMs);
    QCOMPARE(engine->state().step(StepId::Execute).status, StepStatus::Passed);
    mnemonic('n');
    QTRY_COMPARE(wizard.currentPage(), 5);

    // ---- page 6: validation runs by itself; Alt+F finishes.
    QTRY_VERIFY_WITH_TIMEOUT(isFinal(engine->state().step(StepId::PostValidation).status),
                             kStepTimeoutMs);
    QCOMPARE(engine->state().step(StepId::PostValidation).status, StepStatus::Passed);
    QTRY_VERIFY(child<QPushButton>(&wizard, "wizardFinishButton")->isEnabled());
    mnemonic('f');
    QTRY_VERIFY(wizard.isRunFinished());
    QCOMPARE(engine->state().outcome, RunOutcome::DryRunPassed);
    QVERIFY(QFileInfo::exists(wizard.reportPath()));
    qApp->removeEventFilter(&mice);
    QCOMPARE(mice.count, 0);
}

void TestKeyboard::mnemonicsDoNotCollide_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << QStringLiteral("de");
}

void TestKeyboard::mnemonicsDoNotCollide()
{
    QFETCH(QString, language);
    if (!language.isEmpty())
        QVERIFY2(TranslationLoader::install(qApp, language, QStringLiteral(QM_DIR)),
                 "the German translation was not built");
    PromotionWizard wizard(m_root);
    QStringList problems;
    // The footer and the report row belong to every page.
    QStringList footer;
    for (const char *name : {"dryRunCheck", "wizardBackButton", "wizardNextButton",
                             "wizardFinishButton", "wizardCancelButton", "showReportButton"}) {
        auto *b = child<QAbstractButton>(&wizard, name);
        QVERIFY2(b, name);
        QVERIFY2(!UiText::mnemonicOf(b->text()).isNull(), qPrintable(b->text()));
        footer.append(b->text());
    }
    // Finish's other texts (on a page that stopped the run) too.
    auto *stack = child<QStackedWidget>(&wizard, "wizardPages");
    for (int i = 0; i < stack->count(); ++i) {
        QWidget *page = stack->widget(i);
        const QStringList texts = footer + UiText::mnemonicTexts(page);
        for (const QString &c : UiText::collisions(texts))
            problems.append(QStringLiteral("%1: %2").arg(page->objectName(), c));
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
            if (!qobject_cast<QToolButton *>(b) && !b->text().isEmpty() &&
                UiText::mnemonicOf(b->text()).isNull())
                problems.append(QStringLiteral("%1: no mnemonic on \"%2\"")
                                    .arg(page->objectName(), b->text()));
        }
    }
    // The main window: menu bar titles, each menu, and the buttons of its panels.
    MainWindow window;
    window.openWorkspace(m_root);
    problems += UiText::menuBarCollisions(window.menuBar());
    QStringList mainTexts;
    for (const QAction *a : window.menuBar()->actions())
        mainTexts.append(a->text());
    mainTexts += UiText::mnemonicTexts(window.centralWidget());
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        mainTexts += UiText::mnemonicTexts(dock);
    for (const QString &c : UiText::collisions(mainTexts))
        problems.append(QStringLiteral("main window: %1").arg(c));
    // Controls without text carry an accessible name: icon-only buttons, the step list, the
    // charts.
    for (QWidget *top : {static_cast<QWidget *>(&wizard), static_cast<QWidget *>(&window)}) {
        for (QAbstractButton *b : top->findChildren<QAbstractButton *>()) {
            if (b->text().isEmpty() && b->isVisibleTo(top) &&
                !b->objectName().startsWith(QLatin1String("qt_")) && b->accessibleName().isEmpty())
                problems.append(QStringLiteral("%1: a button without text or accessible name (%2)")
                                    .arg(top->objectName(), b->objectName()));
        }
    }
    for (const char *name : {"stepList", "coverageChartView", "healthChartView"}) {
        auto *w = child<QWidget>(&wizard, name);
        if (!w || w->accessibleName().isEmpty())
            problems.append(QStringLiteral("%1 has no accessible name").arg(QLatin1String(name)));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
