// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    const ComponentInfo *componentAt(int row) const;
    int rowOf(const QString &component) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ComponentInfo> m_components;
    QHash<QString, QList<double>> m_coverage;
};

} // namespace Promotion
