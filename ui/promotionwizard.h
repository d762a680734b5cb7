// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace Promotion {

class CriteriaPage;
class ExecutePage;
class GatesPage;
class PostValidationPage;
class PromotionEngine;
class StepListModel;
class TrackingPage;
class ValidatePage;
class WizardPage;

/*!
 * \brief The six-step promotion wizard: one page per step of the seed workflow, the
 * steps and their status in a side list, and Back / Next / Finish / Cancel.
 *
 * The wizard owns the PromotionEngine it drives. A run begins (PromotionEngine::begin)
 * when page 1's inputs are validated, or continues an interrupted run (resume()).
 * Every page reads the engine's RunState and hands every decision to the engine.
 *
 * Closing mid-run asks first. While a step runs: stop it (the journal keeps the run
 * resumable) and close once it has stopped, or keep running. While a rollback runs the
 * close waits for it; a rollback is never interrupted. Ctrl+Enter is Next.
 *
 * Object names for tests: promotionWizard, stepList, pageTitle, wizardBackButton,
 * wizardNextButton, wizardFinishButton, wizardCancelButton, dryRunCheck, wizardError,
 * reportLocation, showReportButton, confirmCloseBox (confirmLeaveButton, confirmStayButton),
 * confirmStopBox (confirmStopButton, keepRunningButton), rollbackCloseBox, and the pages'
 * own (pageValidate, pageGates, pageCriteria, pageTracking, pageExecute, pageValidation and
 * their children).
 */
class PromotionWizard final : public QWidget
{
    Q_OBJECT
public:
    explicit PromotionWizard(const QString &workspace, QWidget *parent = nullptr);
    ~PromotionWizard() override;

    QString workspace() const { return m_workspace; }
    PromotionEngine *engine() const { return m_engine; }
    /*! Preselect \a component on page 1. */
    void setComponent(const QString &component);
    /*!
     * Continue the interrupted run \a runId (empty: the newest unfinished run of
     * \a component) at the first step that has not passed. A finished run whose GitHub
     * actions are still queued opens on step 4, which shows them being sent. False with
     * \a error when there is none or it cannot be taken (another process holds the lock).
     */
    bool resume(const QString &component, const QString &runId, QString *error);

    int currentPage() const;
    /*! Show page \a index when every step before it has passed (or was skipped). */
    bool setCurrentPage(int index);
    bool isPageReachable(int index) const;
    /*! The report written by Finish; empty before. */
    QString reportPath() const { return m_reportPath; }
    bool isRunFinished() const { return !m_reportPath.isEmpty(); }
    /*! A run has begun and has neither an outcome nor a report yet. */
    bool hasOpenRun() const;
    /*! Close without asking (the application quits and the main window has asked). Whatever
     * still runs is left to the engine's destructor, which journals it as resumable. */
    void closeForQuit();

public Q_SLOTS:
    void next();
    void back();
    void finish();

Q_SIGNALS:
    /*! Finish wrote the report at \a reportPath. */
    void promotionFinished(const QString &reportPath);
    /*! The current page changed to \a index. */
    void pageChanged(int index);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    WizardPage *page(int index) const;
    void goTo(int index);
    void validate();
    bool startRun(QString *error);
    void reloadAll();
    void updateButtons();
    void updateHeader();
    void dryRunToggled(bool checked);
    void stepListCurrentChanged(const QModelIndex &current);
    void showError(const QString &text);
    /*! The run is over and its report is at \a path: the row under the pages says so. */
    void showReportLocation(const QString &path);
    void showReportInFolder();
    void askStop();
    void closeWhenIdle();

    QString m_workspace;
    PromotionEngine *m_engine = nullptr;
    StepListModel *m_steps = nullptr;

    QListView *m_stepList = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QStackedWidget *m_stack = nullptr;
    ValidatePage *m_validatePage = nullptr;
    GatesPage *m_gatesPage = nullptr;
    CriteriaPage *m_criteriaPage = nullptr;
    TrackingPage *m_trackingPage = nullptr;
    ExecutePage *m_executePage = nullptr;
    PostValidationPage *m_validationPage = nullptr;
    std::array<WizardPage *, 6> m_pages{};

    QCheckBox *m_dryRun = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_reportRow = nullptr;
    QLabel *m_reportLocation = nullptr;
    QPushButton *m_showReport = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_finish = nullptr;
    QPushButton *m_cancel = nullptr;

    bool m_begun = false;
    bool m_advanceAfterValidate = false;
    bool m_closeConfirmed = false;
    bool m_closeWhenIdle = false; //!< closing waits for the step or the rollback to end
    bool m_forceClose = false;
    bool m_syncingList = false;
    QString m_reportPath;
};

} // namespace Promotion
