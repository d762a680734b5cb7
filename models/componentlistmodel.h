// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>

namespace Promotion {

/*!
 * \brief The components of a workspace with their stage, version and last coverage.
 */
class ComponentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StageColumn,
        VersionColumn,
        CoverageColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        StageRole,
        CoverageHistoryRole, //!< QList<double>, oldest first, from past reports
    };

    explicit ComponentListModel(QObject *parent = nullptr);

    void setComponents(const QList<ComponentInfo> &components);
    void setCoverageHistory(const QString &component, const QList<double> &history);
    /*! The outcome of the component's newest promotion report to \a toStage: a blocked or
     *  failed one is shown in the Status column until a later run gets through. */
    void setLastOutcome(const QString &component, RunOutcome outcome, const QString &toStage);
    const ComponentInfo *componentAt(int row) const;
    int rowOf(const QString &component) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ComponentInfo> m_components;
    QHash<QString, QList<double>> m_coverage;
    struct LastRun
    {
        RunOutcome outcome = RunOutcome::Running;
        QString toStage;
    };
    QHash<QString, LastRun> m_lastRun;
};

} // namespace Promotion
