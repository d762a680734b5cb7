// SPDX-License-Identifier: GPL-3.0-or-later
#include "stagebadgedelegate.h"

#include "chartpalette.h"
#include "componentlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Promotion {

namespace {
constexpr int kHorizontalPadding = 8; // inside the badge
constexpr int kCellMargin = 4;        // between the cell edge and the badge
constexpr int kVerticalPadding = 2;
} // namespace

StageBadgeDelegate::StageBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_stageRole(ComponentListModel::StageRole)
{
}

QFont StageBadgeDelegate::badgeFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    if (bold.pointSizeF() > 0)
        bold.setPointSizeF(bold.pointSizeF() * 0.92);
    return bold;
}

QRect StageBadgeDelegate::badgeRect(const QRect &cell, const QFont &font, const QString &text)
{
    const QFontMetrics fm(font);
    // +2: advances are rounded, and a badge a pixel too narrow would elide its text.
    const int width = qMin(fm.horizontalAdvance(text) + 2 * kHorizontalPadding + 2,
                           cell.width() - 2 * kCellMargin);
    const int height = qMin(fm.height() + 2 * kVerticalPadding, cell.height() - 2);
    return QRect(cell.left() + kCellMargin, cell.top() + (cell.height() - height) / 2,
                 qMax(0, width), qMax(0, height));
}

void StageBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    // The row's background and selection as the style draws them, without the text.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty())
        return;

    const QFont font = badgeFont(opt.font);
    const QRect badge = badgeRect(opt.rect, font, text);
    if (badge.isEmpty())
        return;
    const QColor fill = ChartPalette::stage(index.data(m_stageRole).toString());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    const qreal radius = badge.height() / 2.0;
    path.addRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->fillPath(path, fill);
    if (opt.state & QStyle::State_Selected) {
        // Keep the badge distinct from the selection highlight.
        painter->setPen(QPen(opt.palette.color(QPalette::HighlightedText), 1));
        painter->drawPath(path);
    }
    painter->setFont(font);
    painter->setPen(ChartPalette::textOn(fill));
    const QFontMetrics fm(font);
    const QRect textRect = badge.adjusted(kHorizontalPadding, 0, -kHorizontalPadding, 0);
    // Elide only a cell that is really too narrow.
    const bool fits = fm.horizontalAdvance(text) <= textRect.width() + 2;
    painter->drawText(textRect.adjusted(-1, 0, 1, 0), Qt::AlignCenter,
                      fits ? text : fm.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StageBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics fm(badgeFont(opt.font));
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(fm.horizontalAdvance(opt.text) + 2 * kHorizontalPadding + 2 * kCellMargin + 2,
                 qMax(base.height(), fm.height() + 2 * kVerticalPadding + 4));
}

} // namespace Promotion
