// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QTreeView;
class QMenu;

namespace Promotion {

class ComponentListModel;
class HistoryPanel;
class PromotionWizard;
class ResumeBanner;
class Workspace;

/*!
 * \brief The console's main window: the workspace's components and their stages.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /*! Open \a root as the current workspace; returns false and explains in the status bar if it is not one. */
    bool openWorkspace(const QString &root);
    QString workspaceRoot() const;

    /*! Open the promotion wizard on \a component (empty: the first); raises it when already open. */
    void startPromotion(const QString &component);
    /*! Open the wizard on the interrupted run \a runId of \a component. */
    void resumePromotion(const QString &component, const QString &runId);

private:
    void createActions();
    void refresh();
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
    void fitColumns();

    std::unique_ptr<Workspace> m_workspace;
    ComponentListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_promoteAction = nullptr;
    QPointer<PromotionWizard> m_wizard;
    ResumeBanner *m_resumeBanner = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QLabel *m_policyBanner = nullptr;
    QLabel *m_componentCountLabel = nullptr;
    QLabel *m_policyLabel = nullptr;
    QAction *m_settingsAction = nullptr;
    bool m_policyValid = true;
};

} // namespace Promotion
