// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionwizard.h"
#include "stepnames.h"

#include "locationopener.h"
#include "teardown.h"

#include "secrets/credentialstore.h"
#include "settingsdialog.h"
#include "steplistmodel.h"
#include "wizard/criteriapage.h"
#include "wizard/executepage.h"
#include "wizard/gatespage.h"
#include "wizard/postvalidationpage.h"
#include "wizard/trackingpage.h"
#include "wizard/validatepage.h"
#include "workflow/githubtracking.h"
#include "workflow/promotionengine.h"

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Promotion {

PromotionWizard::PromotionWizard(const QString &workspace, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_workspace(QDir(workspace).absolutePath())
    , m_engine(new PromotionEngine(this))
    , m_steps(new StepListModel(m_engine, this))
{
    setObjectName(QStringLiteral("promotionWizard"));
    // GitHub: the Settings repository when the policy names none, and the keychain's token.
    m_engine->github()->setDefaultRepository(
        QSettings().value(SettingsDialog::repositoryKey()).toString());
    // The store outlives every wizard: QtKeychain's libsecret backend calls back into a read
    // job after it ends, so its owner must not be deleted while a read is in flight.
    static QPointer<CredentialStore> appStore;
    if (!appStore)
        appStore = new CredentialStore(QCoreApplication::instance());
    CredentialStore *credentials = appStore;
    connect(credentials, &CredentialStore::tokenRead, this,
            [this](const QString &, const QString &token) {
                if (!token.isEmpty())
                    m_engine->github()->setToken(token);
            });
    credentials->readToken(SettingsDialog::tokenKey());
    setWindowTitle(tr("Promote a Component — %1").arg(QFileInfo(m_workspace).fileName()));

    auto *outer = new QHBoxLayout(this);
    m_stepList = new QListView(this);
    m_stepList->setObjectName(QStringLiteral("stepList"));
    m_stepList->setModel(m_steps);
    m_stepList->setIconSize(QSize(20, 20));
    m_stepList->setSpacing(3);
    m_stepList->setUniformItemSizes(true);
    // As wide as the longest step title (in this language), within bounds: the pages need the
    // room on a 1024 px screen.
    m_stepList->setFixedWidth(qBound(170,
                                     m_stepList->sizeHintForColumn(0) +
                                         2 * m_stepList->frameWidth() + 2 * 3 + 8,
                                     260));
    m_stepList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stepList->setAccessibleName(tr("Steps"));
    outer->addWidget(m_stepList);

    auto *main = new QVBoxLayout;
    outer->addLayout(main, 1);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    main->addWidget(m_title);
    main->addWidget(m_subtitle);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("wizardPages"));
    m_validatePage = new ValidatePage(m_workspace, m_engine, m_stack);
    m_gatesPage = new GatesPage(m_engine, m_stack);
    m_criteriaPage = new CriteriaPage(m_engine, m_stack);
    m_trackingPage = new TrackingPage(m_engine, m_stack);
    m_executePage = new ExecutePage(m_engine, m_stack);
    m_validationPage = new PostValidationPage(m_engine, m_stack);
    m_pages = {m_validatePage, m_gatesPage,   m_criteriaPage,
               m_trackingPage, m_executePage, m_validationPage};
    for (WizardPage *p : m_pages) {
        m_stack->addWidget(p);
        connect(p, &WizardPage::completeChanged, this, &PromotionWizard::updateButtons);
        connect(p, &WizardPage::advanceRequested, this, &PromotionWizard::next);
    }
    main->addWidget(m_stack, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("wizardError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(WizardPage::errorStyle(m_error));
    m_error->hide();
    main->addWidget(m_error);

    m_reportRow = new QWidget(this);
    auto *reportLayout = new QHBoxLayout(m_reportRow);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    m_reportLocation = new QLabel(m_reportRow);
    m_reportLocation->setObjectName(QStringLiteral("reportLocation"));
    m_reportLocation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reportLocation->setWordWrap(true);
    m_showReport = new QPushButton(tr("S&how in folder"), m_reportRow);
    m_showReport->setObjectName(QStringLiteral("showReportButton"));
    reportLayout->addWidget(m_reportLocation, 1);
    reportLayout->addWidget(m_showReport);
    m_reportRow->hide();
    main->addWidget(m_reportRow);

    auto *buttons = new QHBoxLayout;
    m_dryRun = new QCheckBox(tr("&Dry run (change nothing)"), this);
    m_dryRun->setToolTip(tr("Run every check and record what would be done; change nothing"));
    m_dryRun->setObjectName(QStringLiteral("dryRunCheck"));
    m_back = new QPushButton(tr("< &Back"), this);
    m_back->setObjectName(QStringLiteral("wizardBackButton"));
    m_next = new QPushButton(tr("&Next >"), this);
    m_next->setObjectName(QStringLiteral("wizardNextButton"));
    m_next->setToolTip(tr("Next step (Ctrl+Enter)"));
    m_finish = new QPushButton(tr("&Finish"), this);
    m_finish->setObjectName(QStringLiteral("wizardFinishButton"));
    m_finish->setToolTip(tr("Write the promotion report and end the run"));
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(QStringLiteral("wizardCancelButton"));
    buttons->addWidget(m_dryRun);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_finish);
    buttons->addWidget(m_cancel);
    main->addLayout(buttons);

    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_next->isEnabled())
                next();
        });
    }

    connect(m_back, &QPushButton::clicked, this, &PromotionWizard::back);
    connect(m_next, &QPushButton::clicked, this, &PromotionWizard::next);
    connect(m_finish, &QPushButton::clicked, this, &PromotionWizard::finish);
    connect(m_cancel, &QPushButton::clicked, this, &QWidget::close);
    connect(m_showReport, &QPushButton::clicked, this, &PromotionWizard::showReportInFolder);
    connect(m_dryRun, &QCheckBox::toggled, this, &PromotionWizard::dryRunToggled);
    connect(m_validatePage, &ValidatePage::validateRequested, this, &PromotionWizard::validate);
    connect(m_stepList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PromotionWizard::stepListCurrentChanged);
    connect(m_engine, &PromotionEngine::stateChanged, this, &PromotionWizard::updateButtons);
    // A close waiting for a step or a rollback to end happens when the engine is idle again.
    connect(m_engine, &PromotionEngine::stateChanged, this, &PromotionWizard::closeWhenIdle);
    connect(m_engine, &PromotionEngine::stepFinished, this, &PromotionWizard::closeWhenIdle);
    connect(m_engine, &PromotionEngine::runFinished, this, &PromotionWizard::closeWhenIdle);
    // Progress is on the pages; the engine's warnings (journal not saved, note not recorded) are
    // not.
    connect(m_engine, &PromotionEngine::message, this, [this](const QString &text) {
        if (text.startsWith(QLatin1String("warning")))
            showError(text);
    });
    connect(m_engine, &PromotionEngine::stepFinished, this, [this](StepId step, StepStatus status) {
        if (step == StepId::Validate && m_advanceAfterValidate) {
            m_advanceAfterValidate = false;
            if (status == StepStatus::Passed && currentPage() == 0)
                goTo(1);
        }
        updateButtons();
    });

    // Room for every page, but never more than the screen has (a 1024×700 laptop included).
    QSize size(1280, 820);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableSize() - QSize(24, 48));
    resize(size);
    // Then as the user left it: size, position and the pages' splitters.
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("wizard/geometry")).toByteArray());
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                settings.value(QStringLiteral("wizard/") + splitter->objectName()).toByteArray());
    }
    goTo(0);
}

PromotionWizard::~PromotionWizard()
{
    QSettings settings;
    settings.setValue(QStringLiteral("wizard/geometry"), saveGeometry());
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(QStringLiteral("wizard/") + splitter->objectName(),
                              splitter->saveState());
    }
    // The engine and pages are children: while they are destroyed, their signals must not
    // reach this half-destroyed wizard.
    disconnectDescendants(this);
}

WizardPage *PromotionWizard::page(int index) const
{
    return index >= 0 && index < int(m_pages.size()) ? m_pages[size_t(index)] : nullptr;
}

int PromotionWizard::currentPage() const
{
    return m_stack->currentIndex();
}

void PromotionWizard::setComponent(const QString &component)
{
    if (!m_begun)
        m_validatePage->setComponent(component);
}

bool PromotionWizard::resume(const QString &component, const QString &runId, QString *error)
{
    if (m_begun) {
        if (error)
            *error = tr("this wizard already has a run");
        return false;
    }
    QString message;
    if (!m_engine->resume(m_workspace, component, runId, &message)) {
        if (error)
            *error = message;
        return false;
    }
    m_begun = true;
    const RunState &s = m_engine->state();
    m_validatePage->showRequest(s.request);
    {
        const QSignalBlocker blocker(m_dryRun);
        m_dryRun->setChecked(s.request.dryRun);
    }
    if (s.isFinished() && !s.needsReport()) {
        // Finished, with GitHub actions still queued (RunContext resumes nothing else): send
        // them, on the page that shows how that goes.
        showReportLocation(s.reportPath);
        goTo(int(StepId::Tracking));
        m_engine->flushTracking(this, [this] { m_trackingPage->reload(); });
        return true;
    }
    reloadAll();
    goTo(std::min(s.nextStepIndex(), kStepCount - 1));
    return true;
}

bool PromotionWizard::isPageReachable(int index) const
{
    if (index < 0 || index >= kStepCount)
        return false;
    for (int i = 0; i < index; ++i) {
        if (!page(i)->isComplete())
            return false;
    }
    return true;
}

bool PromotionWizard::setCurrentPage(int index)
{
    if (!isPageReachable(index))
        return false;
    goTo(index);
    return true;
}

void PromotionWizard::goTo(int index)
{
    m_stack->setCurrentIndex(index);
    {
        m_syncingList = true;
        m_stepList->setCurrentIndex(m_steps->index(index));
        m_syncingList = false;
    }
    updateHeader();
    // The keyboard follows the page: focus left on the page that was shown goes to the first
    // control of the new one (a footer button keeps it, as in QWizard).
    QWidget *focus = QApplication::focusWidget();
    if (!focus || !focus->isVisible() || !isAncestorOf(focus) ||
        (m_stack->isAncestorOf(focus) && !page(index)->isAncestorOf(focus))) {
        for (QWidget *w = page(index)->nextInFocusChain(); w && w != page(index);
             w = w->nextInFocusChain()) {
            if (!page(index)->isAncestorOf(w))
                break;
            if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(this) && w->isEnabled()) {
                w->setFocus(Qt::TabFocusReason);
                break;
            }
        }
    }
    if (m_begun && !isRunFinished())
        page(index)->enter();
    updateButtons();
    Q_EMIT pageChanged(index);
}

void PromotionWizard::stepListCurrentChanged(const QModelIndex &current)
{
    if (m_syncingList || !current.isValid() || current.row() == currentPage())
        return;
    if (isPageReachable(current.row())) {
        goTo(current.row());
        return;
    }
    // Not yet: keep the list on the page being shown.
    m_syncingList = true;
    m_stepList->setCurrentIndex(m_steps->index(currentPage()));
    m_syncingList = false;
}

void PromotionWizard::updateHeader()
{
    const int index = currentPage();
    m_title->setText(
        tr("Step %1 of %2 · %3").arg(index + 1).arg(kStepCount).arg(StepNames::title(StepId(index))));
    m_subtitle->setText(page(index)->subtitle());
}

void PromotionWizard::next()
{
    const int index = currentPage();
    if (index == 0 && !m_validatePage->isComplete()) {
        // Leaving page 1 validates the inputs first; the wizard moves on when they pass.
        m_advanceAfterValidate = true;
        validate();
        return;
    }
    if (index + 1 >= kStepCount || !page(index)->isComplete())
        return;
    goTo(index + 1);
}

void PromotionWizard::back()
{
    if (currentPage() > 0)
        goTo(currentPage() - 1);
}

bool PromotionWizard::startRun(QString *error)
{
    PromotionRequest request = m_validatePage->request();
    request.dryRun = m_dryRun->isChecked();
    request.promoter = WizardPage::identity(m_workspace);
    if (m_begun) {
        if (ValidatePage::sameInputs(request, m_engine->state().request))
            return true;
        if (m_engine->state().step(StepId::QualityGates).status != StepStatus::Pending) {
            *error = tr("The inputs cannot change once the quality gates have run; cancel and "
                        "start a new promotion.");
            return false;
        }
        // Only validated so far: the new inputs replace that run, which is not worth resuming.
        const QString oldRun = m_engine->runDir();
        if (!m_engine->begin(request, error))
            return false;
        if (!oldRun.isEmpty() && oldRun != m_engine->runDir())
            QDir(oldRun).removeRecursively();
    } else if (!m_engine->begin(request, error)) {
        return false;
    }
    m_begun = true;
    reloadAll();
    return true;
}

void PromotionWizard::validate()
{
    if (m_engine->isBusy() || isRunFinished())
        return;
    showError({});
    QString error;
    if (!startRun(&error)) {
        m_advanceAfterValidate = false;
        showError(tr("Cannot start the promotion: %1").arg(error));
        return;
    }
    m_engine->runStep(StepId::Validate);
}

void PromotionWizard::reloadAll()
{
    m_steps->reload();
    for (WizardPage *p : m_pages)
        p->reload();
    updateButtons();
}

void PromotionWizard::dryRunToggled(bool checked)
{
    if (m_begun)
        m_engine->setDryRun(checked);
    updateButtons();
}

void PromotionWizard::updateButtons()
{
    const int index = currentPage();
    const RunState &s = m_engine->state();
    const bool busy = m_engine->isBusy();
    const bool finished = isRunFinished();
    const bool open = m_begun && !finished;

    m_back->setEnabled(index > 0);
    if (index == 0)
        m_next->setEnabled(!busy && !finished && m_validatePage->hasPolicy() &&
                           !m_validatePage->request().component.isEmpty() &&
                           !m_validatePage->request().to.isEmpty());
    else
        m_next->setEnabled(index + 1 < kStepCount && page(index)->isComplete());

    // Finish writes the report: at the end, or to record a run that cannot go on.
    const StepStatus here = s.step(StepId(index)).status;
    const bool stopped = s.isFinished() ||
                         (here == StepStatus::Failed && StepId(index) != StepId::Criteria &&
                          StepId(index) != StepId::Tracking) ||
                         s.nextStepIndex() >= kStepCount;
    m_finish->setEnabled(open && !busy &&
                         (stopped || (index == kStepCount - 1 && page(index)->isComplete())));
    m_cancel->setText(finished ? tr("C&lose") : tr("Cance&l"));
    // Finish on a page that stopped the run records that result: say which.
    // (A criterion or an approval still open is not a result: those pages wait for people.)
    const bool endsHere = open && !s.isFinished() && here == StepStatus::Failed &&
                          StepId(index) != StepId::Criteria && StepId(index) != StepId::Tracking;
    const bool blocks = StepId(index) == StepId::Validate || StepId(index) == StepId::QualityGates;
    m_finish->setText(!endsHere ? tr("&Finish")
                      : blocks  ? tr("&Finish (record as blocked)")
                                : tr("&Finish (record as failed)"));
    m_finish->setToolTip(
        !endsHere ? tr("Write the promotion report and end the run")
        : blocks  ? tr("Write the promotion report with this blocked result and end the run; the "
                      "component stays where it is")
                  : tr("Write the promotion report with this failed result and end the run"));

    // Dry run is a choice about effects: fixed once step 5 has started.
    if (m_begun) {
        const QSignalBlocker blocker(m_dryRun);
        m_dryRun->setChecked(s.request.dryRun);
    }
    m_dryRun->setEnabled(!finished &&
                         (!m_begun || s.step(StepId::Execute).status == StepStatus::Pending));

    const bool locked =
        m_begun && (s.step(StepId::QualityGates).status != StepStatus::Pending || finished);
    m_validatePage->setInputsLocked(
        locked || busy,
        locked ? tr("These inputs are fixed: the quality gates of this run have started. "
                    "Cancel and start a new promotion to change them.")
               : QString());
}

void PromotionWizard::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void PromotionWizard::finish()
{
    if (!m_begun || isRunFinished() || m_engine->isBusy())
        return;
    QString error;
    const QString path = m_engine->finish(&error);
    if (path.isEmpty()) {
        showError(tr("The report could not be written: %1").arg(error));
        return;
    }
    showError({});
    showReportLocation(path);
    m_cancel->setFocus();
    // The outcome comment and the maturity label; what cannot be sent stays journaled.
    m_engine->flushTracking(this, [this] { m_trackingPage->reload(); });
    Q_EMIT promotionFinished(path);
}

void PromotionWizard::showReportLocation(const QString &path)
{
    m_reportPath = path;
    const QString outcome = StepNames::outcome(m_engine->state().outcome);
    m_reportLocation->setText(
        tr("Run %1 (%2). Report saved to %3")
            .arg(m_engine->state().runId, outcome, QDir::toNativeSeparators(path)));
    m_reportRow->show();
    reloadAll();
}

void PromotionWizard::showReportInFolder()
{
    if (!m_reportPath.isEmpty())
        LocationOpener::open(this, QFileInfo(m_reportPath).absolutePath());
}

bool PromotionWizard::hasOpenRun() const
{
    return m_begun && !isRunFinished() && !m_engine->state().isFinished();
}

void PromotionWizard::closeForQuit()
{
    // The application quits: the main window asked and waited for the engine. The engine's
    // destructor journals whatever is still in flight, so the run stays resumable.
    m_forceClose = true;
    close();
}

void PromotionWizard::closeWhenIdle()
{
    // Queued: the engine emits stepFinished before it starts a rollback a person asked for,
    // so isBusy() is only meaningful once its handler has returned.
    if (m_closeWhenIdle)
        QTimer::singleShot(0, this, [this] {
            if (!m_closeWhenIdle || m_engine->isBusy())
                return;
            if (auto *box = findChild<QMessageBox *>(QStringLiteral("rollbackCloseBox")))
                box->close();
            close();
        });
}

void PromotionWizard::closeEvent(QCloseEvent *event)
{
    if (m_forceClose) {
        event->accept();
        return;
    }
    if (m_engine->isRollingBack()) {
        // Never interrupted: the window waits for the rollback, then closes by itself.
        event->ignore();
        m_closeWhenIdle = true;
        if (findChild<QMessageBox *>(QStringLiteral("rollbackCloseBox")))
            return;
        auto *box = new QMessageBox(QMessageBox::Information, tr("Rollback in Progress"),
                                    tr("A rollback is in progress; the window closes when it has "
                                       "finished."),
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("rollbackCloseBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (m_engine->isBusy()) {
        event->ignore();
        if (m_closeWhenIdle || findChild<QMessageBox *>(QStringLiteral("confirmStopBox")))
            return; // already stopping, or already asked
        askStop();
        return;
    }
    if (m_closeConfirmed || !hasOpenRun()) {
        event->accept();
        return;
    }
    event->ignore();
    // Asked without a nested event loop: the answer arrives as a signal.
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Leave the Promotion?"),
                        tr("The promotion of %1 to %2 is not finished.")
                            .arg(m_engine->state().request.component, m_engine->state().request.to),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmCloseBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("The run is kept and can be resumed later from the main window."));
    QPushButton *leave = box->addButton(tr("&Leave"), QMessageBox::AcceptRole);
    leave->setObjectName(QStringLiteral("confirmLeaveButton"));
    QPushButton *stay = box->addButton(tr("&Stay"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("confirmStayButton"));
    box->setDefaultButton(stay);
    connect(box, &QMessageBox::buttonClicked, this, [this, leave](QAbstractButton *button) {
        if (button != leave)
            return;
        m_closeConfirmed = true;
        close();
    });
    box->open();
}

void PromotionWizard::askStop()
{
    const RunState &s = m_engine->state();
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Stop the Promotion?"),
        tr("The promotion of %1 to %2 is running a step.").arg(s.request.component, s.request.to),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmStopBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Stopping ends the command that runs now; nothing is rolled back, and the run can be "
           "resumed later from the main window. The window closes once the step has stopped."));
    QPushButton *stop =
        box->addButton(tr("S&top and keep the run resumable"), QMessageBox::AcceptRole);
    stop->setObjectName(QStringLiteral("confirmStopButton"));
    QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, stop](QAbstractButton *button) {
        if (button != stop)
            return;
        m_closeConfirmed = true;
        m_closeWhenIdle = true;
        if (m_engine->isBusy())
            m_engine->cancel(); // the close follows when the step reports it stopped
        else
            close();
    });
    box->open();
}

} // namespace Promotion
