// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPolygonF>
#include <QStyledItemDelegate>

namespace Promotion {

/*!
 * \brief Paints the coverage of past reports as a small sparkline, followed by
 * the cell's text (the latest value).
 *
 * The history (QList<double>, oldest first) comes from \a historyRole
 * (ComponentListModel::CoverageHistoryRole by default). The vertical scale is
 * the history's own range, padded to at least 5 points, so small changes
 * stay visible; the last point is a dot, green when it rose or held, red when
 * it fell. Without history the cell is painted as usual.
 */
class CoverageSparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CoverageSparklineDelegate(QObject *parent = nullptr);

    void setHistoryRole(int role) { m_historyRole = role; }
    int historyRole() const { return m_historyRole; }

    /*! Width reserved for the sparkline, in pixels. */
    static constexpr int sparklineWidth() { return 64; }
    /*! At most this many of the latest values are drawn. */
    static constexpr int maxPoints() { return 20; }
    /*! The sparkline's points for \a history inside \a area (empty when there is no history). */
    static QPolygonF sparkline(const QList<double> &history, const QRectF &area);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_historyRole;
};

} // namespace Promotion
