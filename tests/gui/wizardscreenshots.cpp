// SPDX-License-Identifier: GPL-3.0-or-later
// Test-only tool: drives a real promotion of the demo workspace through the wizard and
// saves every page (and the main window) as a PNG for the documentation and the store
// listing. Not a test: `wizard-screenshots OUTPUT_DIR [--size WxH]`, best under Xvfb
// (`xvfb-run -a`) so the platform theme and fonts are the ones users see.
#include "checklistmodel.h"
#include "demo/demoworkspace.h"
#include "gateresultsmodel.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "promotionwizard.h"
#include "testconfig.h"
#include "translationloader.h"
#include "workflow/promotionengine.h"

#include <cstdio>
#include <functional>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QPalette>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Promotion;

namespace {
QSize g_size(1400, 900);
QString g_out;
int g_failures = 0;

bool waitFor(const std::function<bool()> &condition, int timeoutMs, const char *what)
{
    if (QTest::qWaitFor(condition, timeoutMs))
        return true;
    std::fprintf(stderr, "wizard-screenshots: timed out waiting for %s\n", what);
    ++g_failures;
    return false;
}

bool stepDone(PromotionEngine *engine, StepId step)
{
    const StepStatus s = engine->state().step(step).status;
    return s == StepStatus::Passed || s == StepStatus::Failed || s == StepStatus::Skipped;
}

void expose(QWidget *window)
{
    if (!QTest::qWaitForWindowExposed(window)) {
        std::fprintf(stderr, "wizard-screenshots: the window was not shown\n");
        ++g_failures;
    }
}

void save(QWidget *window, const QString &name)
{
    QTest::qWait(400); // let charts animate and views lay out
    const QString path = QDir(g_out).filePath(name);
    if (!window->grab().save(path)) {
        std::fprintf(stderr, "wizard-screenshots: cannot write %s\n", qPrintable(path));
        ++g_failures;
        return;
    }
    std::printf("%s\n", qPrintable(path));
}

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

void click(QObject *parent, const char *name)
{
    if (auto *button = child<QPushButton>(parent, name))
        QTest::mouseClick(button, Qt::LeftButton);
}

void tick(QAbstractItemView *view, const QString &id)
{
    auto *model = qobject_cast<ChecklistModel *>(view->model());
    const int row = model ? model->rowOf(id) : -1;
    if (row < 0)
        return;
    view->setFocus();
    view->setCurrentIndex(model->index(row, 0));
    QTest::keyClick(view, Qt::Key_Space);
}

void blockedGates(const QString &root)
{
    PromotionWizard wizard(root);
    wizard.setComponent(QStringLiteral("player_experience"));
    wizard.resize(g_size);
    wizard.show();
    expose(&wizard);
    click(&wizard, "wizardNextButton");
    if (!waitFor([&] { return wizard.currentPage() == 1; }, 20000, "player_experience validation"))
        return;
    click(&wizard, "runGatesButton");
    if (!waitFor([&] { return stepDone(wizard.engine(), StepId::QualityGates); }, 300000,
                 "player_experience gates"))
        return;
    auto *table = child<QTableView>(&wizard, "gateTable");
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(GateResultsModel::GateIdRole).toString() ==
            QLatin1String("coverage"))
            table->setCurrentIndex(table->model()->index(r, 0));
    }
    // Its log stays shown; without the selection the failed row shows its red highlight.
    table->selectionModel()->clearSelection();
    save(&wizard, QStringLiteral("wizard-2-gates-blocked.png"));
    // Leave the run resumable, as a user closing the window would.
}

void promotion(const QString &root)
{
    PromotionWizard wizard(root);
    PromotionEngine *engine = wizard.engine();
    wizard.setComponent(QStringLiteral("agent_orchestration"));
    wizard.resize(g_size);
    wizard.show();
    expose(&wizard);
    // Page 1, validated.
    click(&wizard, "validateButton");
    waitFor([&] { return stepDone(engine, StepId::Validate); }, 20000, "validation");
    save(&wizard, QStringLiteral("wizard-1-validate.png"));
    click(&wizard, "wizardNextButton");
    waitFor([&] { return wizard.currentPage() == 1; }, 5000, "page 2");
    click(&wizard, "runGatesButton");
    if (!waitFor([&] { return stepDone(engine, StepId::QualityGates); }, 300000, "quality gates"))
        return;
    auto *table = child<QTableView>(&wizard, "gateTable");
    table->setCurrentIndex(table->model()->index(0, 0));
    save(&wizard, QStringLiteral("wizard-2-gates.png"));
    click(&wizard, "wizardNextButton");
    waitFor([&] { return wizard.currentPage() == 2; }, 5000, "page 3");
    auto *criteria = child<QTreeView>(&wizard, "criteriaView");
    for (const QString &id :
         {QStringLiteral("core_functionality"), QStringLiteral("error_handling"),
          QStringLiteral("logging"), QStringLiteral("documentation")})
        tick(criteria, id);
    // One left open, and the evidence of a proven one shown.
    if (auto *model = qobject_cast<ChecklistModel *>(criteria->model()))
        criteria->setCurrentIndex(model->index(model->rowOf(QStringLiteral("unit_tests")), 0));
    save(&wizard, QStringLiteral("wizard-3-criteria.png"));
    tick(criteria, QStringLiteral("code_review"));
    click(&wizard, "wizardNextButton");
    waitFor([&] { return wizard.currentPage() == 3; }, 5000, "page 4");
    auto *approvals = child<QTreeView>(&wizard, "approvalsView");
    tick(approvals, QStringLiteral("tech_lead"));
    QSettings().setValue(QStringLiteral("identity/override"),
                         QStringLiteral("Bob Builder <bob@example.com>"));
    tick(approvals, QStringLiteral("qa"));
    save(&wizard, QStringLiteral("wizard-4-tracking.png"));
    click(&wizard, "wizardNextButton");
    waitFor([&] { return wizard.currentPage() == 4; }, 5000, "page 5");
    save(&wizard, QStringLiteral("wizard-5-execute-preview.png"));
    click(&wizard, "executeButton");
    if (!waitFor([&] { return stepDone(engine, StepId::Execute); }, 300000, "execution"))
        return;
    save(&wizard, QStringLiteral("wizard-5-execute.png"));
    click(&wizard, "wizardNextButton");
    waitFor([&] { return wizard.currentPage() == 5; }, 5000, "page 6");
    if (!waitFor([&] { return stepDone(engine, StepId::PostValidation); }, 300000,
                 "post-promotion validation"))
        return;
    click(&wizard, "wizardFinishButton");
    waitFor([&] { return wizard.isRunFinished(); }, 5000, "the report");
    save(&wizard, QStringLiteral("wizard-6-validation.png"));
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("wizard-screenshots"));
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr,
                     "usage: wizard-screenshots OUTPUT_DIR [--size WxH] [--dark] [--lang LANG]\n");
        return 2;
    }
    g_out = args.at(1);
    const qsizetype sizeAt = args.indexOf(QStringLiteral("--size"));
    if (sizeAt > 0 && sizeAt + 1 < args.size()) {
        const QStringList wh = args.at(sizeAt + 1).split(QLatin1Char('x'));
        if (wh.size() == 2)
            g_size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    QDir().mkpath(g_out);
    // English unless --lang says otherwise, with the English file's plural forms, as the app.
    const qsizetype langAt = args.indexOf(QStringLiteral("--lang"));
    const QString language =
        langAt > 0 && langAt + 1 < args.size() ? args.at(langAt + 1) : QStringLiteral("en");
    if (!TranslationLoader::install(&app, language, QStringLiteral(QM_DIR))) {
        std::fprintf(stderr, "wizard-screenshots: no translation for %s in %s\n",
                     qPrintable(language), QM_DIR);
        return 2;
    }
    if (args.contains(QStringLiteral("--dark"))) {
        // Fusion with a dark palette: every custom colour must follow the palette.
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Button, QColor(55, 55, 60));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(55, 55, 60));
        dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
        dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
        dark.setColor(QPalette::Link, QColor(100, 170, 255));
        for (QPalette::ColorRole role :
             {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(QPalette::Disabled, role, QColor(120, 120, 120));
        QApplication::setPalette(dark);
    }

    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings().setValue(QStringLiteral("identity/override"),
                         QStringLiteral("Alice Example <alice@example.com>"));
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    qputenv("PROMOTION_DEMO_PORT", QByteArray::number(probe.serverPort()));
    probe.close();

    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("demo"));
    const QString error = DemoWorkspace::extractTo(root);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "wizard-screenshots: %s\n", qPrintable(error));
        return 1;
    }

    promotion(root);
    QSettings().setValue(QStringLiteral("identity/override"),
                         QStringLiteral("Alice Example <alice@example.com>"));
    blockedGates(root);

    MainWindow window;
    window.openWorkspace(root);
    window.resize(g_size);
    window.show();
    expose(&window);
    save(&window, QStringLiteral("main-window.png"));
    // The reviewers' tab: the reports, the newest one selected with its details.
    if (auto *history = child<QAction>(&window, "historyToggleAction")) {
        history->trigger();
        auto *panel = child<HistoryPanel>(&window, "historyPanel");
        if (waitFor([panel] { return panel && panel->view()->model()->rowCount() > 0; }, 15000,
                    "the history's reports")) {
            panel->view()->selectRow(0);
            save(&window, QStringLiteral("main-window-history.png"));
        }
    }

    QProcess stop;
    stop.start(QStringLiteral("python3"),
               {root + QStringLiteral("/tools/demo_service.py"), QStringLiteral("stop"),
                QStringLiteral("--workspace"), root});
    stop.waitForFinished(30000);
    return g_failures == 0 ? 0 : 1;
}
