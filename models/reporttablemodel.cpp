// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttablemodel.h"

#include "statuspalette.h"

#include <QGuiApplication>
#include <QPalette>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace Promotion {

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReportTableModel::setReports(const QList<ReportSummary> &reports)
{
    beginResetModel();
    m_reports = reports;
    endResetModel();
}

int ReportTableModel::rowOfPath(const QString &path) const
{
    for (int row = 0; row < m_reports.size(); ++row) {
        if (m_reports.at(row).path == path)
            return row;
    }
    return -1;
}

QString ReportTableModel::outcomeText(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Promoted: return tr("promoted");
    case RunOutcome::DryRunPassed: return tr("dry run passed");
    case RunOutcome::Blocked: return tr("blocked");
    case RunOutcome::Failed: return tr("failed");
    case RunOutcome::RolledBack: return tr("rolled back");
    case RunOutcome::RollbackFailed: return tr("rollback failed");
    case RunOutcome::Discarded: return tr("discarded");
    case RunOutcome::Running: return tr("running");
    }
    return {};
}

QString ReportTableModel::durationText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString ReportTableModel::dateText(const ReportSummary &s)
{
    if (s.startedAt.isValid())
        return QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat);
    // Run ids start with the UTC start time ("20240501-140312-…").
    static const QRegularExpression stamp(QStringLiteral("^(\\d{8}-\\d{6})-"));
    const QRegularExpressionMatch m = stamp.match(s.runId);
    if (m.hasMatch()) {
        QDateTime t = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
        t.setTimeZone(QTimeZone::utc());
        if (t.isValid())
            return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
    }
    return s.date;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ReportSummary &s = m_reports.at(index.row());
    if (role == PathRole)
        return s.path;
    if (role == ReadableRole)
        return s.readable();
    if (!s.readable()) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == DateColumn)
                return tr("?");
            if (index.column() == ComponentColumn)
                return s.path.section(QLatin1Char('/'), -1);
            if (index.column() == OutcomeColumn)
                return tr("unreadable");
            return {};
        case Qt::ToolTipRole:
            return s.problem;
        case Qt::ForegroundRole:
            return index.column() == OutcomeColumn
                       ? QVariant(StatusPalette::color(StatusPalette::Tone::Bad))
                       : QVariant();
        case SortRole:
            return QString();
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DateColumn: return dateText(s);
        case ComponentColumn: return s.component;
        case TransitionColumn:
            return QStringLiteral("%1 → %2").arg(s.fromStage.isEmpty() ? tr("?") : s.fromStage,
                                                 s.toStage);
        case OutcomeColumn: return outcomeText(s.outcome);
        case CoverageColumn:
            return s.coverage ? QStringLiteral("%L1 %").arg(*s.coverage, 0, 'f', 1)
                              : QStringLiteral("—");
        case DurationColumn: return durationText(s.durationMs);
        case ApproversColumn: {
            QStringList names;
            for (const QString &a : s.approvers)
                names.append(a.section(QStringLiteral(": "), 1).section(QStringLiteral(" <"), 0, 0));
            return names.join(QStringLiteral(", "));
        }
        case IssueColumn: {
            const qsizetype slash = s.issueUrl.lastIndexOf(QLatin1Char('/'));
            return slash >= 0 ? QStringLiteral("#") + s.issueUrl.mid(slash + 1) : s.issueUrl;
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ApproversColumn)
            return s.approvers.join(QLatin1Char('\n'));
        if (index.column() == IssueColumn)
            return s.issueUrl;
        if (index.column() == OutcomeColumn && !s.followUpStatus.isEmpty())
            return tr("%1 — 24-hour follow-up: %2").arg(s.outcomeSummary, s.followUpStatus);
        return s.outcomeSummary.isEmpty() ? s.path : s.outcomeSummary;
    case Qt::TextAlignmentRole:
        if (index.column() == CoverageColumn || index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() != OutcomeColumn)
            return {};
        if (exitCodeFor(s.outcome) == 0)
            return StatusPalette::color(StatusPalette::Tone::Good);
        if (s.outcome != RunOutcome::Running && s.outcome != RunOutcome::Discarded)
            return StatusPalette::color(StatusPalette::Tone::Bad);
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case DateColumn: return s.when();
        case CoverageColumn: return s.coverage.value_or(-1.0);
        case DurationColumn: return s.durationMs;
        default: return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DateColumn: return tr("Date");
    case ComponentColumn: return tr("Component");
    case TransitionColumn: return tr("From → to");
    case OutcomeColumn: return tr("Outcome");
    case CoverageColumn: return tr("Coverage");
    case DurationColumn: return tr("Duration");
    case ApproversColumn: return tr("Approvers");
    case IssueColumn: return tr("GitHub issue");
    case ColumnCount: break;
    }
    return {};
}

// ---------------------------------------------------------------- filter

ReportFilterModel::ReportFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void ReportFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    beginResetModel();
    m_model = qobject_cast<ReportTableModel *>(model);
    Q_ASSERT(m_model);
    QAbstractProxyModel::setSourceModel(model);
    // The table only ever resets (a new index of the reports).
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &ReportFilterModel::beginResetModel);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        sortRows();
        filterRows();
        endResetModel();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row) {
                    const int proxy = m_proxyOfSource.value(row, -1);
                    if (proxy >= 0)
                        Q_EMIT dataChanged(index(proxy, from.column()), index(proxy, to.column()));
                }
            });
    sortRows();
    filterRows();
    endResetModel();
}

void ReportFilterModel::setText(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    refilter();
}

void ReportFilterModel::setComponent(const QString &component)
{
    if (component == m_component)
        return;
    m_component = component;
    refilter();
}

void ReportFilterModel::setStage(const QString &stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    refilter();
}

void ReportFilterModel::setOutcome(const QString &outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    refilter();
}

void ReportFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    refilter();
}

bool ReportFilterModel::accepts(const ReportSummary &s) const
{
    if (!s.readable()) {
        // Unreadable rows hide only behind filters they cannot answer.
        if (!m_component.isEmpty() || !m_stage.isEmpty() || m_from.isValid() || m_to.isValid())
            return false;
        if (!m_outcome.isEmpty() && m_outcome != QLatin1String("unreadable"))
            return false;
    } else {
        if (!m_component.isEmpty() && s.component != m_component)
            return false;
        if (!m_stage.isEmpty() && s.toStage != m_stage && s.fromStage != m_stage)
            return false;
        if (!m_outcome.isEmpty() && runOutcomeName(s.outcome) != m_outcome)
            return false;
        if (m_from.isValid() || m_to.isValid()) {
            const QDate day = QDate::fromString(s.date, Qt::ISODate);
            if (m_from.isValid() && (!day.isValid() || day < m_from))
                return false;
            if (m_to.isValid() && (!day.isValid() || day > m_to))
                return false;
        }
    }
    for (const QString &w : m_words) {
        if (!s.searchText.contains(w))
            return false;
    }
    return true;
}

bool ReportFilterModel::lessThan(const ReportSummary &a, const ReportSummary &b, int column)
{
    if (a.readable() != b.readable())
        return !a.readable();
    switch (column) {
    case ReportTableModel::DateColumn:
        if (a.whenMs != b.whenMs)
            return a.whenMs < b.whenMs;
        return a.runId < b.runId;
    case ReportTableModel::ComponentColumn: return a.component < b.component;
    case ReportTableModel::TransitionColumn:
        return std::pair(a.fromStage, a.toStage) < std::pair(b.fromStage, b.toStage);
    case ReportTableModel::OutcomeColumn: return int(a.outcome) < int(b.outcome);
    case ReportTableModel::CoverageColumn: return a.coverage.value_or(-1) < b.coverage.value_or(-1);
    case ReportTableModel::DurationColumn: return a.durationMs < b.durationMs;
    case ReportTableModel::ApproversColumn: return a.approvers < b.approvers;
    case ReportTableModel::IssueColumn: return a.issueUrl < b.issueUrl;
    default: return false;
    }
}

void ReportFilterModel::sortRows()
{
    const int n = m_model ? m_model->rowCount() : 0;
    m_order.resize(n);
    for (int i = 0; i < n; ++i)
        m_order[i] = i;
    if (m_sortColumn < 0 || !m_model)
        return;
    const QList<ReportSummary> &reports = m_model->reports();
    const int column = m_sortColumn;
    std::stable_sort(m_order.begin(), m_order.end(), [&](int x, int y) {
        return lessThan(reports.at(x), reports.at(y), column);
    });
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
}

void ReportFilterModel::filterRows()
{
    m_rows.clear();
    m_proxyOfSource.fill(-1, m_order.size());
    if (!m_model)
        return;
    const QList<ReportSummary> &reports = m_model->reports();
    m_rows.reserve(m_order.size());
    for (const int source : std::as_const(m_order)) {
        if (accepts(reports.at(source))) {
            m_proxyOfSource[source] = int(m_rows.size());
            m_rows.append(source);
        }
    }
}

void ReportFilterModel::refilter()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // The selection and the current row follow their reports, or go when filtered out.
    const QModelIndexList before = persistentIndexList();
    QList<std::pair<int, int>> sources; // source row, column
    sources.reserve(before.size());
    for (const QModelIndex &i : before)
        sources.append({m_rows.value(i.row(), -1), i.column()});
    filterRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &[source, column] : std::as_const(sources)) {
        const int row = source >= 0 ? m_proxyOfSource.value(source, -1) : -1;
        after.append(row >= 0 ? index(row, column) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ReportFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<std::pair<int, int>> sources;
    for (const QModelIndex &i : before)
        sources.append({m_rows.value(i.row(), -1), i.column()});
    sortRows();
    filterRows();
    QModelIndexList after;
    for (const auto &[source, col] : std::as_const(sources)) {
        const int row = source >= 0 ? m_proxyOfSource.value(source, -1) : -1;
        after.append(row >= 0 ? index(row, col) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex ReportFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 ||
        column >= ReportTableModel::ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex ReportFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ReportFilterModel::sibling(int row, int column, const QModelIndex &idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int ReportFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReportTableModel::ColumnCount;
}

bool ReportFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty();
}

QModelIndex ReportFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this ||
        proxyIndex.row() >= m_rows.size())
        return {};
    return m_model->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex ReportFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = m_proxyOfSource.value(sourceIndex.row(), -1);
    return row >= 0 ? index(row, sourceIndex.column()) : QModelIndex();
}

QVariant ReportFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_model ? m_model->headerData(section, orientation, role) : QVariant();
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

} // namespace Promotion
