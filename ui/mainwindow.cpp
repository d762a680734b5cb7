// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "chartpalette.h"
#include "componentlistmodel.h"
#include "coveragesparklinedelegate.h"
#include "followup/followupissue.h"
#include "followuppanel.h"
#include "historypanel.h"
#include "journal/runjournal.h"
#include "policy/policyloader.h"
#include "policy/policytrust.h"
#include "promotionwizard.h"
#include "report/reportstore.h"
#include "secrets/credentialstore.h"
#include "settingsdialog.h"
#include "stagebadgedelegate.h"
#include "stepnames.h"
#include "unfinishedrunspanel.h"
#include "wizard/wizardpage.h"
#include "workflow/promotionengine.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Promotion {

namespace {
const char kRecentKey[] = "workspaces/recent";
constexpr int kMaxRecent = 8;
// How long "Leave" waits for the engines to stop their commands, and for a rollback in flight
// to finish, before the application quits anyway (the journal keeps the run resumable).
constexpr int kQuitWaitMs = 10000;
constexpr int kQuitRollbackWaitMs = 180000;
// How long after the window shows the reports start to be indexed: its first frame first.
constexpr int kIndexAfterShowMs = 100;
} // namespace

MainWindow::MainWindow(QWidget *parent, Build build)
    : QMainWindow(parent)
    , m_model(new ComponentListModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Promotion Console"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_workspaceLabel = new QLabel(central);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_workspaceLabel);

    m_view = new QTreeView(central);
    m_view->setObjectName(QStringLiteral("componentView"));
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setModel(m_model);
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    // Components and the reviewers' history, each a full tab.
    m_componentsPage = central;
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(central, tr("&Components"));
    setCentralWidget(m_tabs);

    createActions();
    createWorkspaceExtras();
    statusBar()->showMessage(tr("Open a workspace to see its components"));
    // Room for the list and the follow-ups dock, without outgrowing small screens.
    resize(screen() ? screen()->availableSize().boundedTo(QSize(1400, 900)) : QSize(1100, 700));
    restoreWindowState();
    if (build == Build::Everything)
        ensureHistoryPanel();
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("historySplitter")))
        settings.setValue(QStringLiteral("window/historySplitter"), splitter->saveState());
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("historySplitter")))
        splitter->restoreState(
            settings.value(QStringLiteral("window/historySplitter")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    open->setObjectName(QStringLiteral("openWorkspaceAction"));
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction *reload = fileMenu->addAction(tr("Re&load"), this, &MainWindow::refresh);
    reload->setShortcut(QKeySequence::Refresh);
    fileMenu->addSeparator();
    // Quitting closes this window, whose closeEvent() asks first while every window exists.
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    // Ctrl+Q everywhere: Windows-style key schemes (also the offscreen platform's) bind
    // nothing to QKeySequence::Quit.
    QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    if (!quitKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q)))
        quitKeys.prepend(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setShortcuts(quitKeys);
    // From the wizard too: it is a window of its own.
    quit->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Promotion Console"), this, &MainWindow::showAbout);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->addAction(open);
    toolbar->addAction(reload);
    createPromotionActions();
}

bool MainWindow::openWorkspace(const QString &root, Load load)
{
    auto workspace = std::make_unique<Workspace>(root);
    if (!workspace->exists()) {
        QSettings settings;
        QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
        if (recent.removeAll(root) > 0 || recent.removeAll(workspace->root()) > 0) {
            // A recent workspace that was moved or deleted: pruned, and said so.
            settings.setValue(QLatin1String(kRecentKey), recent);
            rebuildRecentMenu();
            statusBar()->showMessage(
                tr("%1 no longer exists; it was removed from the recent workspaces").arg(root));
            return false;
        }
        statusBar()->showMessage(tr("%1 is not a directory").arg(root));
        return false;
    }
    m_workspace = std::move(workspace);
    // What the first paint shows: the components. The rest (unfinished runs, history, policy,
    // the recent list written to disk, the trust question) can follow it.
    showComponents();
    if (load == Load::AfterFirstPaint && !m_painted) {
        m_restPending = true;
        return true;
    }
    loadWorkspaceRest();
    return true;
}

void MainWindow::loadWorkspaceRest()
{
    m_restPending = false;
    if (!m_workspace)
        return;
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(m_workspace->root());
    recent.prepend(m_workspace->root());
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
    checkUnfinishedRuns();
    refreshWorkspaceExtras();
    withTrustedPolicy({});
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // What the first paint could do without: the history, then the workspace's runs,
        // reports and policy.
        QTimer::singleShot(0, this, [this] {
            ensureHistoryPanel();
            if (m_restPending)
                loadWorkspaceRest();
            Q_EMIT firstPainted();
        });
    }
    return QMainWindow::event(event);
}

void MainWindow::withTrustedPolicy(const std::function<void()> &then)
{
    if (!m_workspace)
        return;
    const QString root = m_workspace->root();
    if (PolicyTrust::isTrusted(root)) {
        if (then)
            then();
        return;
    }
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(root);
    if (!loaded.ok()) {
        // Nothing can run from a policy that does not load; the wizard shows why.
        if (then)
            then();
        return;
    }
    if (findChild<QMessageBox *>(QStringLiteral("policyTrustBox")))
        return; // already asking
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Trust This Workspace's Policy?"),
        tr("%1 has a promotion.yaml this application has not run before. Its commands run on "
           "this machine, with your permissions.")
            .arg(QDir::toNativeSeparators(root)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("policyTrustBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Review the commands (Show Details…). Trust them only if you "
                               "trust who wrote this policy; any change to it asks again."));
    box->setDetailedText(PolicyTrust::commands(*loaded.policy).join(QLatin1Char('\n')));
    QPushButton *trust = box->addButton(tr("&Trust and Continue"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustPolicyButton"));
    QPushButton *decline = box->addButton(tr("&Don't Run Anything"), QMessageBox::RejectRole);
    decline->setObjectName(QStringLiteral("declinePolicyButton"));
    box->setDefaultButton(decline);
    connect(box, &QMessageBox::buttonClicked, this, [this, trust, root, then](QAbstractButton *b) {
        if (b != trust) {
            statusBar()->showMessage(
                tr("The workspace's policy is not trusted: nothing will run until you trust it"),
                8000);
            return;
        }
        PolicyTrust::trust(root);
        if (then && m_workspace && m_workspace->root() == root)
            then();
    });
    box->open();
}

QString MainWindow::workspaceRoot() const
{
    return m_workspace ? m_workspace->root() : QString();
}

void MainWindow::refresh()
{
    if (!m_workspace)
        return;
    showComponents();
    checkUnfinishedRuns();
    refreshWorkspaceExtras();
}

void MainWindow::showComponents()
{
    const QList<ComponentInfo> components = m_workspace->components();
    m_model->setComponents(components);
    m_workspaceLabel->setText(tr("Workspace: %1").arg(m_workspace->root()));
    setWindowTitle(tr("%1 — Promotion Console").arg(QFileInfo(m_workspace->root()).fileName()));
    if (components.isEmpty()) {
        statusBar()->showMessage(
            tr("No components found: expected src/<component>/__init__.py under %1")
                .arg(m_workspace->root()));
    } else {
        // The count is in the permanent componentCountLabel; say what to do next.
        statusBar()->showMessage(
            tr("Select a component and choose Promote… (Ctrl+P) to start the six steps"));
    }
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    fitColumns();
}

void MainWindow::chooseWorkspace()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open Workspace"), workspaceRoot());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openWorkspace(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Promotion Console"),
                       tr("<h3>Promotion Console %1</h3>"
                          "<p>Promotes a component through development, staging and production, "
                          "with quality gates, criteria, approvals, deployment and validation.</p>"
                          "<p>License: GPL-3.0-or-later</p>")
                           .arg(QApplication::applicationVersion()));
}

// ---------------------------------------------------------------- promotion wizard

void MainWindow::createPromotionActions()
{
    m_promoteAction = new QAction(tr("&Promote…"), this);
    m_promoteAction->setObjectName(QStringLiteral("promoteAction"));
    m_promoteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_promoteAction->setToolTip(tr("Promote the selected component to its next stage (Ctrl+P)"));
    m_promoteAction->setEnabled(false);
    connect(m_promoteAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        startPromotion(
            current.isValid()
                ? m_model->index(current.row(), 0).data(ComponentListModel::NameRole).toString()
                : QString());
    });
    QMenu *menu = new QMenu(tr("&Promotion"), this);
    menu->addAction(m_promoteAction);
    menuBar()->insertMenu(menuBar()->actions().constLast(), menu);
    if (auto *toolbar = findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        toolbar->addSeparator();
        toolbar->addAction(m_promoteAction);
        if (QWidget *button = toolbar->widgetForAction(m_promoteAction))
            button->setObjectName(QStringLiteral("promoteButton"));
    }
}

void MainWindow::startPromotion(const QString &component)
{
    if (!m_workspace)
        return;
    if (!PolicyTrust::isTrusted(m_workspace->root())) {
        withTrustedPolicy([this, component] { startPromotion(component); });
        return;
    }
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    const QList<RunState> open = component.isEmpty()
                                     ? QList<RunState>()
                                     : RunJournal(m_workspace->runsDir()).unfinished(component);
    if (open.isEmpty()) {
        openWizard(component);
        return;
    }
    // An unfinished run of this component: say so, and offer to continue it instead.
    const RunState &run = open.first();
    const int step = std::min(run.nextStepIndex(), kStepCount - 1);
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Unfinished Promotion"),
        tr("%1 has an unfinished promotion to %2, started %3 by %4 (step %5 · %6).")
            .arg(component, run.request.to,
                 QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                 run.promoter)
            .arg(step + 1)
            .arg(StepNames::title(StepId(step))),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("unfinishedRunBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Resume it, or start a new promotion? The unfinished run stays listed until it is "
           "resumed or discarded.") +
        (run.needsReport() ? QStringLiteral(" ") + UnfinishedRunsPanel::noteFor(run) : QString()));
    QPushButton *resume = box->addButton(tr("&Resume It"), QMessageBox::AcceptRole);
    resume->setObjectName(QStringLiteral("resumeUnfinishedButton"));
    QPushButton *startNew = box->addButton(tr("Start &New"), QMessageBox::ActionRole);
    startNew->setObjectName(QStringLiteral("startNewButton"));
    box->addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelStartButton"));
    box->setDefaultButton(resume);
    const QString runId = run.runId;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, resume, startNew, component, runId](QAbstractButton *button) {
                if (button == resume)
                    resumePromotion(component, runId);
                else if (button == startNew)
                    openWizard(component);
            });
    box->open();
}

void MainWindow::openWizard(const QString &component)
{
    if (!m_workspace || m_wizard)
        return;
    m_wizard = new PromotionWizard(m_workspace->root(), this);
    if (!component.isEmpty())
        m_wizard->setComponent(component);
    watchWizard(m_wizard);
    m_wizard->show();
}

void MainWindow::resumePromotion(const QString &component, const QString &runId)
{
    if (!m_workspace)
        return;
    if (!PolicyTrust::isTrusted(m_workspace->root())) {
        withTrustedPolicy([this, component, runId] { resumePromotion(component, runId); });
        return;
    }
    if (m_wizard) {
        statusBar()->showMessage(
            tr("Finish or close the open promotion before resuming another one"), 5000);
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    auto *wizard = new PromotionWizard(m_workspace->root(), this);
    QString error;
    if (!wizard->resume(component, runId, &error)) {
        delete wizard;
        statusBar()->showMessage(tr("Cannot resume the promotion of %1: %2").arg(component, error));
        return;
    }
    m_wizard = wizard;
    watchWizard(wizard);
    checkUnfinishedRuns(); // the run open in the wizard is not interrupted
    m_wizard->show();
}

void MainWindow::watchWizard(PromotionWizard *wizard)
{
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &PromotionWizard::promotionFinished, this, &MainWindow::refresh);
    // Refresh once the wizard and its engine are gone, so the journal on disk is final.
    connect(wizard, &QObject::destroyed, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::refresh); });
    // While quitting, each engine's news may be the one that lets the application go.
    connect(wizard->engine(), &PromotionEngine::stateChanged, this, [this] {
        if (m_quitting)
            QTimer::singleShot(0, this, &MainWindow::checkQuitReady);
    });
    connect(wizard->engine(), &PromotionEngine::runFinished, this, [this] {
        if (m_quitting)
            QTimer::singleShot(0, this, &MainWindow::checkQuitReady);
    });
    connect(wizard->engine(), &PromotionEngine::stepFinished, this, [this] {
        if (m_quitting)
            QTimer::singleShot(0, this, &MainWindow::checkQuitReady);
    });
}

void MainWindow::checkUnfinishedRuns()
{
    if (m_promoteAction)
        m_promoteAction->setEnabled(m_workspace && m_model->rowCount() > 0);
    if (!m_workspace)
        return;
    if (!m_unfinishedPanel) {
        m_unfinishedPanel = new UnfinishedRunsPanel(m_componentsPage);
        if (auto *layout = qobject_cast<QVBoxLayout *>(m_componentsPage->layout()))
            layout->insertWidget(0, m_unfinishedPanel);
        connect(m_unfinishedPanel, &UnfinishedRunsPanel::resumeRequested, this,
                &MainWindow::resumePromotion);
        connect(m_unfinishedPanel, &UnfinishedRunsPanel::discardRequested, this,
                &MainWindow::confirmDiscard);
    }
    QStringList unreadable;
    QList<RunState> runs = RunJournal(m_workspace->runsDir()).resumable(&unreadable);
    // Paths relative to the runs directory: the reason must fit in the row.
    for (QString &problem : unreadable)
        problem.replace(m_workspace->runsDir() + QLatin1Char('/'), QString());
    // A run open in a wizard is not interrupted.
    for (PromotionWizard *wizard : wizards()) {
        const QString open = wizard->engine()->state().runId;
        runs.removeIf([&open](const RunState &run) { return run.runId == open; });
    }
    m_unfinishedPanel->setRuns(runs, unreadable);
}

void MainWindow::confirmDiscard(const QString &component, const QString &runId)
{
    if (!m_workspace)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Discard the Promotion?"),
        tr("Discard the unfinished promotion of %1 (run %2)?").arg(component, runId),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDiscardBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const std::optional<RunState> run = RunJournal(m_workspace->runsDir()).load(runId, nullptr);
    const int queued = run && run->isFinished() ? run->github.pendingActions : 0;
    box->setInformativeText(
        tr("It is no longer offered for resuming. Nothing is undone and nothing is deleted: "
           "whatever the run changed stays as it is, and its journal stays in %1.")
            .arg(QDir::toNativeSeparators(m_workspace->runsDir())) +
        (queued > 0 ? QStringLiteral(" ") +
                          tr("Its %n queued GitHub action(s) will not be sent.", nullptr, queued)
                    : QString()));
    QPushButton *discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("confirmDiscardButton"));
    box->addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelDiscardButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    const QString root = m_workspace->root();
    connect(box, &QMessageBox::buttonClicked, this,
            [this, discard, component, runId, root](QAbstractButton *button) {
                if (button != discard || !m_workspace || m_workspace->root() != root)
                    return;
                QString error;
                // The person at the keyboard: the settings' identity, else git's, else the login.
                if (RunJournal(m_workspace->runsDir())
                        .discard(runId, WizardPage::identity(root), &error))
                    statusBar()->showMessage(
                        tr("Discarded the unfinished promotion of %1").arg(component), 5000);
                else
                    statusBar()->showMessage(tr("Cannot discard run %1: %2").arg(runId, error));
                checkUnfinishedRuns();
            });
    box->open();
}

QList<PromotionWizard *> MainWindow::wizards() const
{
    return findChildren<PromotionWizard *>(Qt::FindDirectChildrenOnly);
}

// ---------------------------------------------------------------- quitting

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_quitReady) {
        event->accept();
        return;
    }
    bool busy = false;
    bool open = false;
    for (PromotionWizard *wizard : wizards()) {
        busy |= wizard->engine()->isBusy();
        open |= wizard->hasOpenRun();
    }
    if (!m_quitting && !busy && !open) {
        // Nothing to lose: every window goes, and so does the application.
        m_quitReady = true;
        for (PromotionWizard *wizard : wizards())
            wizard->closeForQuit();
        event->accept();
        QCoreApplication::quit();
        return;
    }
    event->ignore();
    if (m_quitting)
        return; // "Leave" was chosen; the application quits once the engines stopped
    if (auto *box = findChild<QMessageBox *>(QStringLiteral("confirmQuitBox"),
                                             Qt::FindDirectChildrenOnly)) {
        box->raise();
        return;
    }
    askQuit(busy);
}

void MainWindow::askQuit(bool busy)
{
    // Asked while every window exists, without a nested event loop.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Promotion Console?"),
                                busy ? tr("A promotion is running.")
                                     : tr("A promotion is open and not finished."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmQuitBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        busy ? tr("Leave stops what runs now (a rollback in progress finishes first) and quits; "
                  "the run stays resumable from the main window. Stay keeps everything as it is.")
             : tr("Leave quits; the run stays resumable from the main window. Stay keeps "
                  "everything as it is."));
    QPushButton *stay = box->addButton(tr("&Stay"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("quitStayButton"));
    QPushButton *leaveButton =
        box->addButton(tr("&Leave (the run stays resumable)"), QMessageBox::AcceptRole);
    leaveButton->setObjectName(QStringLiteral("quitLeaveButton"));
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    connect(box, &QMessageBox::buttonClicked, this, [this, leaveButton](QAbstractButton *button) {
        if (button == leaveButton)
            leave();
    });
    box->open();
}

void MainWindow::leave()
{
    m_quitting = true;
    bool rollingBack = false;
    for (PromotionWizard *wizard : wizards()) {
        PromotionEngine *engine = wizard->engine();
        rollingBack |= engine->isRollingBack();
        if (engine->isBusy())
            engine->cancel(); // a rollback in flight is not cancelled: it finishes first
    }
    statusBar()->showMessage(rollingBack
                                 ? tr("Quitting when the rollback in progress has finished…")
                                 : tr("Stopping the promotion, then quitting…"));
    // Bounded: a command that does not stop does not keep the application open; the engine's
    // destructor journals the run as resumable.
    if (!m_quitDeadline) {
        m_quitDeadline = new QTimer(this);
        m_quitDeadline->setSingleShot(true);
        connect(m_quitDeadline, &QTimer::timeout, this, &MainWindow::finishQuit);
    }
    m_quitDeadline->start(rollingBack ? kQuitRollbackWaitMs : kQuitWaitMs);
    QTimer::singleShot(0, this, &MainWindow::checkQuitReady);
}

void MainWindow::checkQuitReady()
{
    if (!m_quitting || m_quitReady)
        return;
    for (PromotionWizard *wizard : wizards()) {
        if (wizard->engine()->isBusy())
            return;
    }
    finishQuit();
}

void MainWindow::finishQuit()
{
    if (m_quitDeadline)
        m_quitDeadline->stop();
    m_quitReady = true;
    for (PromotionWizard *wizard : wizards())
        wizard->closeForQuit();
    close();
    // Also ends the event loop when another window (a dialog) is still open.
    QCoreApplication::quit();
}

// ---------------------------------------------------------------- settings, history, policy status

void MainWindow::createWorkspaceExtras()
{
    m_view->setItemDelegateForColumn(ComponentListModel::StageColumn,
                                     new StageBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(ComponentListModel::CoverageColumn,
                                     new CoverageSparklineDelegate(m_view));

    // A bad policy stops every run, so it gets a banner, not a status message that goes away.
    m_policyBanner = new QLabel(m_componentsPage);
    m_policyBanner->setObjectName(QStringLiteral("policyErrorBanner"));
    m_policyBanner->setWordWrap(true);
    m_policyBanner->setTextFormat(Qt::RichText);
    m_policyBanner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_policyBanner->setMargin(8);
    m_policyBanner->hide();
    if (auto *layout = qobject_cast<QVBoxLayout *>(m_componentsPage->layout()))
        layout->insertWidget(0, m_policyBanner);

    // Reports are indexed on a worker thread: nothing is read before the window shows.
    m_reportStore = new ReportStore(this);
    connect(m_reportStore, &ReportStore::indexed, this, &MainWindow::updateCoverageHistory);
    // The history tab's page until ensureHistoryPanel() builds the panel (its icons and
    // charts load plugins the first paint does without).
    m_historyPlaceholder = new QWidget(m_tabs);
    m_tabs->addTab(m_historyPlaceholder, tr("&History"));

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    // The 24-hour follow-up of each component's newest promotion, docked below.
    m_followUpPanel = new FollowUpPanel(this);
    auto *followUpDock = new QDockWidget(tr("Follow-ups"), this);
    followUpDock->setObjectName(QStringLiteral("followUpDock"));
    followUpDock->setWidget(m_followUpPanel);
    addDockWidget(Qt::BottomDockWidgetArea, followUpDock);
    connect(m_followUpPanel, &FollowUpPanel::followUpFailed, this, &MainWindow::onFollowUpFailed);

    auto *historyToggle = new QAction(tr("&History"), this);
    historyToggle->setObjectName(QStringLiteral("historyToggleAction"));
    historyToggle->setCheckable(true);
    historyToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(historyToggle, &QAction::toggled, this, [this](bool on) {
        if (on)
            ensureHistoryPanel();
        m_tabs->setCurrentWidget(on ? static_cast<QWidget *>(m_historyPanel) : m_componentsPage);
    });
    connect(m_tabs, &QTabWidget::currentChanged, historyToggle, [this, historyToggle] {
        if (m_tabs->currentWidget() == m_historyPlaceholder)
            ensureHistoryPanel(); // chosen before it was built
        historyToggle->setChecked(m_tabs->currentWidget() == m_historyPanel);
    });

    m_viewMenu = new QMenu(tr("&View"), this);
    QMenu *viewMenu = m_viewMenu;
    viewMenu->addAction(historyToggle);
    // ensureHistoryPanel() puts the panel's compare actions here.
    m_viewMenuHistoryEnd = viewMenu->addSeparator();
    viewMenu->addAction(followUpDock->toggleViewAction());
    QMenu *settingsMenu = new QMenu(tr("&Settings"), this);
    settingsMenu->addAction(m_settingsAction);
    // Before Help, which stays last.
    QAction *help = menuBar()->actions().isEmpty() ? nullptr : menuBar()->actions().constLast();
    menuBar()->insertMenu(help, viewMenu);
    menuBar()->insertMenu(help, settingsMenu);

    m_componentCountLabel = new QLabel(this);
    m_componentCountLabel->setObjectName(QStringLiteral("componentCountLabel"));
    m_policyLabel = new QLabel(this);
    m_policyLabel->setObjectName(QStringLiteral("policyLabel"));
    m_policyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_componentCountLabel);
    statusBar()->addPermanentWidget(m_policyLabel);
}

void MainWindow::ensureHistoryPanel()
{
    if (m_historyPanel)
        return;
    m_historyPanel = new HistoryPanel(m_tabs);
    m_historyPanel->setStore(m_reportStore);
    // In the placeholder's place, without a visible switch of tab.
    const bool wasCurrent = m_tabs->currentWidget() == m_historyPlaceholder;
    const int index = m_tabs->indexOf(m_historyPlaceholder);
    const QSignalBlocker blocker(m_tabs);
    m_tabs->insertTab(index, m_historyPanel, m_tabs->tabText(index));
    m_tabs->removeTab(index + 1);
    delete m_historyPlaceholder;
    m_historyPlaceholder = nullptr;
    if (wasCurrent)
        m_tabs->setCurrentWidget(m_historyPanel);

    QAction *compare = m_historyPanel->compareAction();
    compare->setText(tr("&Compare Reports…"));
    // Reachable from the menu too; the panel keeps it enabled only with two reports selected.
    addAction(compare);
    m_viewMenu->insertAction(m_viewMenuHistoryEnd, compare);
    m_viewMenu->insertAction(m_viewMenuHistoryEnd, m_historyPanel->compareWithPreviousAction());

    // Its splitter as it was left.
    if (auto *splitter = m_historyPanel->findChild<QSplitter *>(QStringLiteral("historySplitter")))
        splitter->restoreState(
            QSettings().value(QStringLiteral("window/historySplitter")).toByteArray());
}

void MainWindow::refreshWorkspaceExtras()
{
    if (!m_workspace)
        return;
    m_componentCountLabel->setText(tr("%n component(s)", nullptr, m_model->rowCount()));
    updatePolicyStatus();
    QStringList folders{m_workspace->reportsDir()};
    folders += QSettings().value(HistoryPanel::extraFoldersKey()).toStringList();
    m_reportStore->setFolders(folders);
    // The window first: the index starts once it is on screen (it is read on other threads,
    // but on a small machine they would compete with the first frame).
    if (isVisible())
        m_reportStore->refresh();
    else
        m_indexWhenShown = true;
    updateCoverageHistory();
    m_followUpPanel->setWorkspace(m_workspace->root());
    fitColumns();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_indexWhenShown)
        return;
    m_indexWhenShown = false;
    QTimer::singleShot(kIndexAfterShowMs, m_reportStore, &ReportStore::refresh);
}

void MainWindow::fitColumns(Fit fit)
{
    // resizeColumnToContents() measures only the rows in the viewport, which before the
    // window is shown may be a single one; measure every row through its delegate.
    QStyleOptionViewItem option;
    option.font = m_view->font();
    option.fontMetrics = m_view->fontMetrics();
    option.state = QStyle::State_Enabled;
    QHeaderView *header = m_view->header();
    for (int c = 0; c < ComponentListModel::ColumnCount - 1; ++c) {
        int width = header->sectionSizeHint(c);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, c);
            width =
                qMax(width, m_view->itemDelegateForIndex(index)->sizeHint(option, index).width());
        }
        if (fit == Fit::Exactly || width + 8 > header->sectionSize(c))
            header->resizeSection(c, width + 8);
    }
}

void MainWindow::updatePolicyStatus()
{
    const PolicyLoadResult result = PolicyLoader::loadForWorkspace(m_workspace->root());
    m_policyValid = result.ok();
    const QString file = QFileInfo::exists(m_workspace->policyPath())
                             ? QFileInfo(m_workspace->policyPath()).fileName()
                             : tr("built-in default");
    if (m_policyValid) {
        m_policyLabel->setText(tr("Policy: %1").arg(file));
        m_policyLabel->setToolTip(result.policy->sourceFile.isEmpty()
                                      ? tr("The built-in default policy (the seed workflow)")
                                      : result.policy->sourceFile);
        m_policyBanner->hide();
        return;
    }
    m_policyLabel->setText(tr("Policy: %1 (invalid)").arg(file));
    m_policyLabel->setToolTip(result.errorString());
    const QPalette pal = palette();
    const QColor fail = ChartPalette::fail(pal);
    QColor tint = fail;
    tint.setAlpha(40);
    m_policyBanner->setStyleSheet(
        QStringLiteral("QLabel#policyErrorBanner { background: rgba(%1, %2, %3, %4); "
                       "border: 1px solid %5; border-radius: 4px; }")
            .arg(tint.red())
            .arg(tint.green())
            .arg(tint.blue())
            .arg(tint.alpha())
            .arg(fail.name()));
    // Paths relative to the workspace, wrapped: a long message must not widen the window.
    QString errors = result.errorString();
    errors.replace(m_workspace->root() + QLatin1Char('/'), QString());
    m_policyBanner->setText(
        tr("<b>The promotion policy is invalid: nothing can run until it is fixed.</b>") +
        QStringLiteral("<p style=\"white-space: pre-wrap; font-family: monospace;\">") +
        errors.toHtmlEscaped() + QStringLiteral("</p>"));
    m_policyBanner->show();
    // Nothing can run on a bad policy (PolicyLoader refuses it), so don't offer to.
    if (m_promoteAction)
        m_promoteAction->setEnabled(false);
}

void MainWindow::updateCoverageHistory()
{
    if (!m_workspace)
        return;
    QHash<QString, QList<double>> history;
    // The last index (oldest first); until the first one arrives, none.
    for (const ReportSummary &r : m_reportStore->reports()) {
        if (r.problem.isEmpty() && r.coverage)
            history[r.component].append(*r.coverage);
        if (r.problem.isEmpty() && r.outcome != RunOutcome::Running &&
            r.outcome != RunOutcome::Discarded)
            m_model->setLastOutcome(r.component, r.outcome, r.toStage);
    }
    // A run stopped by a failed step and not finished yet (no report) is the newest word.
    for (const RunState &run : RunJournal(m_workspace->runsDir()).unfinished({})) {
        for (int i = 0; i < kStepCount; ++i) {
            if (run.step(StepId(i)).status == StepStatus::Failed) {
                m_model->setLastOutcome(run.request.component,
                                        i <= int(StepId::Tracking) ? RunOutcome::Blocked
                                                                   : RunOutcome::Failed,
                                        run.request.to);
                break;
            }
        }
    }
    // Every component, so one without reports loses the history of a workspace opened before.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString name = m_model->componentAt(row)->name;
        m_model->setCoverageHistory(name, history.value(name));
    }
    // The sparklines and figures arrive after the columns were sized: widen what no longer
    // fits (a column the user made wider stays as it is).
    fitColumns(Fit::GrowOnly);
}

void MainWindow::onFollowUpFailed(const FollowUpRecord &record)
{
    if (!m_workspace)
        return;
    const PolicyLoadResult loaded = PolicyLoader::loadForWorkspace(m_workspace->root());
    const QString plan = loaded.ok() ? loaded.policy->tracking.rollbackPlan : QString();
    QString text = tr("The follow-up of %1 in %2 failed: %3")
                       .arg(record.component, record.stage, record.summary);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Follow-up Failed"), text,
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("followUpFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The rollback the policy plans for, to run by hand, with its commands expanded.
    QString steps = plan;
    steps.replace(QStringLiteral("{component}"), record.component)
        .replace(QStringLiteral("{to_stage}"), record.stage)
        .replace(QStringLiteral("{stage}"), record.stage);
    box->setInformativeText(tr("Roll back as the policy plans it:"));
    box->setDetailedText(steps);
    if (loaded.ok() && !loaded.policy->tracking.repository.isEmpty()) {
        // The seed's rollback issue on GitHub, with the token from the environment or keychain.
        auto *issue = new FollowUpIssue(box);
        const QJsonObject report = [&] {
            QFile f(QDir(m_workspace->reportsDir()).filePath(record.reportFile));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        }();
        auto fileIt = [issue, policy = *loaded.policy, report, record](const QString &token) {
            issue->setToken(token);
            issue->file(policy, report, record);
        };
        connect(issue, &FollowUpIssue::finished, box,
                [box, text](const QString &url, const QString &error) {
                    box->setText(text + u'\n' +
                                 (url.isEmpty()
                                      ? tr("The rollback issue could not be filed: %1").arg(error)
                                      : tr("Rollback issue: %1").arg(url)));
                });
        auto *store = new CredentialStore(box);
        connect(store, &CredentialStore::tokenRead, box,
                [fileIt](const QString &, const QString &token) { fileIt(token); });
        connect(store, &CredentialStore::failed, box, [fileIt] { fileIt(QString()); });
        store->readToken(SettingsDialog::tokenKey());
    }
    box->open();
}

void MainWindow::showSettings()
{
    auto *dialog =
        findChild<SettingsDialog *>(QStringLiteral("settingsDialog"), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new SettingsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_workspace) {
            const PolicyLoadResult policy = PolicyLoader::loadForWorkspace(m_workspace->root());
            if (policy.ok()) {
                dialog->setStages(policy.policy->stageIds());
                dialog->setApiUrl(policy.policy->tracking.apiUrl);
            }
        }
        connect(dialog, &SettingsDialog::settingsSaved, this,
                [this] { statusBar()->showMessage(tr("Settings saved"), 3000); });
    }
    // Window-modal without a nested event loop.
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace Promotion
