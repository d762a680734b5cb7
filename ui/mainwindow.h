// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QTreeView;
class QMenu;
class QTabWidget;
class QTimer;

namespace Promotion {

class ComponentListModel;
class FollowUpPanel;
struct FollowUpRecord;
class HistoryPanel;
class PromotionWizard;
class ReportStore;
class UnfinishedRunsPanel;
class Workspace;

/*!
 * \brief The console's main window: the workspace's components and their stages, and every
 * unfinished promotion (UnfinishedRunsPanel) with Resume and Discard….
 *
 * Two tabs (mainTabs): the components, and the reviewers' history (HistoryPanel over a
 * ReportStore that indexes the reports on a worker thread, so the window shows at once
 * however many reports there are).
 *
 * Object names for tests: mainWindow, mainTabs, historyPanel, historyToggleAction, componentView,
 * quitAction, confirmQuitBox (quitStayButton, quitLeaveButton), unfinishedRunBox
 * (resumeUnfinishedButton, startNewButton, cancelStartButton), confirmDiscardBox
 * (confirmDiscardButton, cancelDiscardButton).
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum class Build
    {
        Everything,     //!< every panel before the constructor returns
        FirstPaintFirst //!< the history panel after the first paint (start-up)
    };
    explicit MainWindow(QWidget *parent = nullptr, Build build = Build::Everything);
    ~MainWindow() override;

    enum class Load
    {
        Now,            //!< everything before returning
        AfterFirstPaint //!< the component list now; runs, history, policy after the first paint
    };
    /*! Open \a root as the current workspace; returns false and explains in the status bar if
     *  it is not one (a recent workspace that is gone is also pruned from the recent list). */
    bool openWorkspace(const QString &root, Load load = Load::Now);
    QString workspaceRoot() const;

    /*! Open the promotion wizard on \a component (empty: the first); raises it when already open.
     */
    void startPromotion(const QString &component);
    /*! Open the wizard on the interrupted run \a runId of \a component. */
    void resumePromotion(const QString &component, const QString &runId);

Q_SIGNALS:
    /*! After the first paint, once what it did without is there. */
    void firstPainted();

protected:
    /*!
     * Quitting asks first, while every window still exists: with a promotion running (or
     * open), "Stay" keeps every window as it was; "Leave" cancels the engines, waits (bounded,
     * never blocking) until they stopped, closes the wizards and quits the application.
     */
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    /*! Starts indexing the reports once the window is on screen. */
    void showEvent(QShowEvent *event) override;

private:
    /*! Run \a then once the workspace's policy is trusted: asks, showing its commands, when
     *  this promotion.yaml was never trusted. Declining runs nothing. */
    void withTrustedPolicy(const std::function<void()> &then);
    void createActions();
    void refresh();
    void showComponents();
    /*! Builds the history panel in its tab (once): at once with Build::Everything, after the
     *  first paint with FirstPaintFirst, or when the tab is chosen before that. */
    void ensureHistoryPanel();
    void loadWorkspaceRest();
    void chooseWorkspace();
    void rebuildRecentMenu();
    void showAbout();
    void createPromotionActions();
    void checkUnfinishedRuns();
    // Settings, history, policy status and the component list's delegates.
    void createWorkspaceExtras();
    void refreshWorkspaceExtras();
    void updatePolicyStatus();
    void updateCoverageHistory();
    void showSettings();
    void onFollowUpFailed(const Promotion::FollowUpRecord &record);
    enum class Fit
    {
        Exactly, //!< every column as wide as its widest cell
        GrowOnly //!< only the columns whose cells no longer fit
    };
    void fitColumns(Fit fit = Fit::Exactly);
    void openWizard(const QString &component);
    void watchWizard(PromotionWizard *wizard);
    void confirmDiscard(const QString &component, const QString &runId);
    QList<PromotionWizard *> wizards() const;
    void askQuit(bool busy);
    void leave();
    void checkQuitReady();
    void finishQuit();
    /*! Geometry, dock and toolbar state and the history splitter, through QSettings. */
    void saveWindowState() const;
    void restoreWindowState();

    std::unique_ptr<Workspace> m_workspace;
    ComponentListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_promoteAction = nullptr;
    QPointer<PromotionWizard> m_wizard;
    UnfinishedRunsPanel *m_unfinishedPanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    FollowUpPanel *m_followUpPanel = nullptr; //!< the 24-hour follow-up per component
    QWidget *m_historyPlaceholder = nullptr;  //!< the history tab until the panel is built
    QAction *m_viewMenuHistoryEnd = nullptr;  //!< where the history's actions go in View
    QMenu *m_viewMenu = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_componentsPage = nullptr;
    ReportStore *m_reportStore = nullptr;
    QLabel *m_policyBanner = nullptr;
    QLabel *m_componentCountLabel = nullptr;
    QLabel *m_policyLabel = nullptr;
    QAction *m_settingsAction = nullptr;
    bool m_policyValid = true;
    bool m_painted = false;        //!< the window has been painted once
    bool m_restPending = false;    //!< loadWorkspaceRest() waits for the first paint
    bool m_indexWhenShown = false; //!< a workspace was opened before the window showed
    bool m_quitting = false;       //!< "Leave" was chosen: waiting for the engines to stop
    bool m_quitReady = false;      //!< the close is accepted
    QTimer *m_quitDeadline = nullptr;
};

} // namespace Promotion
