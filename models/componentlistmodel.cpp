// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentlistmodel.h"

#include "statuspalette.h"

namespace Promotion {

ComponentListModel::ComponentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComponentListModel::setComponents(const QList<ComponentInfo> &components)
{
    beginResetModel();
    m_components = components;
    m_lastRun.clear();
    endResetModel();
}

void ComponentListModel::setCoverageHistory(const QString &component, const QList<double> &history)
{
    m_coverage.insert(component, history);
    const int row = rowOf(component);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ComponentListModel::setLastOutcome(const QString &component, RunOutcome outcome,
                                        const QString &toStage)
{
    m_lastRun.insert(component, {outcome, toStage});
    const int row = rowOf(component);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
}

const ComponentInfo *ComponentListModel::componentAt(int row) const
{
    return row >= 0 && row < m_components.size() ? &m_components.at(row) : nullptr;
}

int ComponentListModel::rowOf(const QString &component) const
{
    for (int i = 0; i < m_components.size(); ++i) {
        if (m_components.at(i).name == component)
            return i;
    }
    return -1;
}

int ComponentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_components.size());
}

int ComponentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComponentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComponentInfo &c = m_components.at(index.row());
    const QList<double> history = m_coverage.value(c.name);
    // Blocked: the newest report did not get the component to its target, and the component
    // has not reached that stage since.
    const auto last = m_lastRun.constFind(c.name);
    const bool stopped = last != m_lastRun.constEnd() && last->toStage != c.stage &&
                         (last->outcome == RunOutcome::Blocked || last->outcome == RunOutcome::Failed ||
                          last->outcome == RunOutcome::RolledBack ||
                          last->outcome == RunOutcome::RollbackFailed);
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() != StatusColumn)
            return {};
        if (!c.problem.isEmpty() || stopped)
            return StatusPalette::icon(StatusPalette::Tone::Bad);
        if (!c.hasTests || !c.hasSpec)
            return StatusPalette::icon(StatusPalette::Tone::Warning);
        return StatusPalette::icon(StatusPalette::Tone::Good);
    case NameRole:
        return c.name;
    case StageRole:
        return c.stage;
    case CoverageHistoryRole:
        return QVariant::fromValue(history);
    case Qt::ToolTipRole:
        return c.problem.isEmpty() ? c.initPath : c.problem;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StageColumn:
            return c.stage.isEmpty() ? tr("unknown") : c.stage;
        case VersionColumn:
            return c.version;
        case CoverageColumn:
            return history.isEmpty() ? tr("—") : tr("%L1 %").arg(history.constLast(), 0, 'f', 1);
        case StatusColumn:
            if (!c.problem.isEmpty())
                return c.problem;
            if (!c.hasTests)
                return tr("no tests/%1/ directory").arg(c.name);
            if (!c.hasSpec)
                return tr("no specs/%1.md").arg(c.name);
            if (stopped)
                return last->outcome == RunOutcome::Blocked
                           ? tr("blocked: the last promotion to %1 did not pass").arg(last->toStage)
                           : tr("the last promotion to %1 failed").arg(last->toStage);
            return tr("ready");
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ComponentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Component");
    case StageColumn:
        return tr("Stage");
    case VersionColumn:
        return tr("Version");
    case CoverageColumn:
        return tr("Coverage");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace Promotion
