// SPDX-License-Identifier: GPL-3.0-or-later
#include "coveragesparklinedelegate.h"

#include "chartpalette.h"
#include "componentlistmodel.h"

#include <algorithm>
#include <cmath>
#include <QApplication>
#include <QPainter>

namespace Promotion {

namespace {
constexpr int kMargin = 4;
constexpr double kMinSpan = 5; // percent points
} // namespace

CoverageSparklineDelegate::CoverageSparklineDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_historyRole(ComponentListModel::CoverageHistoryRole)
{
}

QPolygonF CoverageSparklineDelegate::sparkline(const QList<double> &history, const QRectF &area)
{
    QList<double> values;
    // The latest reports only: older ones would crowd the few pixels there are.
    for (const double v : history.mid(qMax(qsizetype(0), history.size() - maxPoints()))) {
        if (std::isfinite(v))
            values.append(qBound(0.0, v, 100.0));
    }
    QPolygonF points;
    if (values.isEmpty() || area.isEmpty())
        return points;
    const auto [lowIt, highIt] = std::minmax_element(values.cbegin(), values.cend());
    double low = *lowIt;
    double high = *highIt;
    if (high - low < kMinSpan) {
        const double mid = (high + low) / 2;
        low = mid - kMinSpan / 2;
        high = mid + kMinSpan / 2;
    }
    const int n = int(values.size());
    for (int i = 0; i < n; ++i) {
        // A single value sits at the right end, where the latest value always is.
        const double x = n == 1 ? area.right() : area.left() + area.width() * i / (n - 1);
        const double y = area.bottom() - area.height() * (values.at(i) - low) / (high - low);
        points.append(QPointF(x, y));
    }
    return points;
}

void CoverageSparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const QList<double> history = index.data(m_historyRole).value<QList<double>>();
    if (history.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect cell = opt.rect;
    const int lineWidth = qMin(sparklineWidth(), qMax(0, cell.width() / 2 - kMargin));
    const QRectF area(cell.left() + kMargin + 2, cell.top() + kMargin + 1, lineWidth - 4,
                      qMax(2, cell.height() - 2 * kMargin - 2));

    // Background, selection and focus as the style draws them; the text by hand, past the
    // sparkline.
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const bool selected = opt.state & QStyle::State_Selected;
    const QRect textRect = cell.adjusted(lineWidth + 2 * kMargin, 0, -kMargin, 0);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                          selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, int(Qt::AlignLeft | Qt::AlignVCenter),
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();

    const QPolygonF points = sparkline(history, area);
    if (points.isEmpty())
        return;
    const QColor line = selected ? opt.palette.color(QPalette::HighlightedText)
                                 : ChartPalette::primary(opt.palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (points.size() > 1) {
        painter->setPen(QPen(line, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPolyline(points);
    }
    const bool fell = history.size() > 1 && history.constLast() < history.at(history.size() - 2);
    const QColor dot = fell ? ChartPalette::fail(opt.palette) : ChartPalette::pass(opt.palette);
    painter->setPen(selected ? QPen(opt.palette.color(QPalette::HighlightedText), 1) : Qt::NoPen);
    painter->setBrush(dot);
    painter->drawEllipse(points.constLast(), 3.0, 3.0);
    painter->restore();
}

QSize CoverageSparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(m_historyRole).value<QList<double>>().isEmpty())
        size.rwidth() += sparklineWidth() + kMargin;
    return size;
}

} // namespace Promotion
