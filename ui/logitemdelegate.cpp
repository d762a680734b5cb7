// SPDX-License-Identifier: GPL-3.0-or-later
#include "logitemdelegate.h"

#include "ansipalette.h"
#include "logmodel.h"

#include <cmath>
#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QVarLengthArray>

namespace Promotion {

namespace {

constexpr qreal Padding = 4;
// Beyond this many characters only the visible columns are shaped and drawn.
constexpr qsizetype LongLine = 512;

struct Segment
{
    qsizetype from;
    qsizetype to;
    const LogSpan *style; //!< nullptr: default style
};

int digits(qint64 value)
{
    int n = 1;
    while (value >= 10) {
        value /= 10;
        ++n;
    }
    return n;
}

} // namespace

LogItemDelegate::LogItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_metrics(QFont())
{
    setFont(QFont());
}

void LogItemDelegate::setFont(const QFont &font)
{
    for (int i = 0; i < int(m_fonts.size()); ++i) {
        QFont f = font;
        f.setBold(i & 1);
        f.setItalic(i & 2);
        f.setUnderline(i & 4);
        m_fonts[size_t(i)] = f;
    }
    m_metrics = QFontMetricsF(font);
    m_charWidth = m_metrics.horizontalAdvance(QLatin1Char('M'));
}

const QFont &LogItemDelegate::fontFor(quint8 flags) const
{
    const int i = ((flags & LogSpan::Bold) ? 1 : 0) | ((flags & LogSpan::Italic) ? 2 : 0) |
                  ((flags & LogSpan::Underline) ? 4 : 0);
    return m_fonts[size_t(i)];
}

void LogItemDelegate::setHighlight(const QString &needle, Qt::CaseSensitivity cs)
{
    m_needle = needle;
    m_needleCase = cs;
}

int LogItemDelegate::lineHeight() const
{
    return int(std::ceil(m_metrics.lineSpacing())) + 2;
}

qreal LogItemDelegate::gutterWidth(const QModelIndex &index) const
{
    if (!m_showLineNumbers)
        return 0;
    const auto *model = qobject_cast<const LogModel *>(index.model());
    const qint64 total = model ? model->totalLineCount() : index.model()->rowCount();
    return (std::max(4, digits(total)) + 1) * m_charWidth;
}

QSize LogItemDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    // Every row gets the width of the longest line: with uniform item sizes the view asks
    // only once per layout, and horizontal scrolling reaches the end of every line.
    qsizetype longest = 0;
    if (const auto *model = qobject_cast<const LogModel *>(index.model()))
        longest = model->longestLineLength();
    else
        longest = index.data(Qt::DisplayRole).toString().size();
    const qreal width = 2 * Padding + gutterWidth(index) + qreal(longest + 1) * m_charWidth;
    return QSize(int(std::ceil(std::min<qreal>(width, 1e7))), lineHeight());
}

void LogItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QRect rect = option.rect;
    const QPalette &pal = option.palette;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Active
                                                                               : QPalette::Inactive;
    const bool selected = option.state & QStyle::State_Selected;
    const qint64 lineNumber = index.data(LogModel::LineNumberRole).toLongLong();
    const bool currentMatch = m_currentMatchLine > 0 && lineNumber == m_currentMatchLine;
    const QColor base = pal.color(group, QPalette::Base);
    const bool dark = AnsiPalette::isDark(base);

    const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
    const QRect viewport = view ? view->viewport()->rect() : rect;

    painter->save();
    // Row backgrounds span the whole viewport even when the lines are short.
    const QRect fullRow(rect.left(), rect.top(),
                        std::max(rect.width(), viewport.right() - rect.left() + 1), rect.height());
    if (selected) {
        painter->fillRect(fullRow, pal.brush(group, QPalette::Highlight));
    } else if (currentMatch) {
        QColor tint = pal.color(group, QPalette::Highlight);
        tint.setAlpha(60);
        painter->fillRect(fullRow, tint);
    }

    const qreal baseline =
        rect.top() + (rect.height() - m_metrics.height()) / 2 + m_metrics.ascent();
    qreal x = rect.left() + Padding;
    if (m_showLineNumbers) {
        const qreal gutter = gutterWidth(index);
        const QString number = QString::number(lineNumber);
        painter->setFont(m_fonts[0]);
        painter->setPen(
            pal.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(
            QPointF(x + gutter - m_charWidth - m_metrics.horizontalAdvance(number), baseline),
            number);
        x += gutter;
    }

    const QString text = index.data(Qt::DisplayRole).toString();
    const LogSpans spans = index.data(LogModel::SpansRole).value<LogSpans>();

    // Columns to draw: everything for ordinary lines, only the visible window of long ones
    // (which assumes a monospace font, as the view uses).
    qsizetype firstCol = 0;
    qsizetype lastCol = text.size();
    const bool longLine = text.size() > LongLine && m_charWidth > 0;
    if (longLine) {
        firstCol = std::clamp<qsizetype>(
            qsizetype(std::floor((viewport.left() - x) / m_charWidth)) - 1, 0, text.size());
        lastCol = std::clamp<qsizetype>(
            qsizetype(std::ceil((viewport.right() - x) / m_charWidth)) + 1, firstCol, text.size());
    }
    auto xFor = [&](qsizetype col) {
        if (longLine)
            return x + qreal(col) * m_charWidth;
        return x + m_metrics.horizontalAdvance(text, int(col));
    };

    // Split the visible columns into default-styled gaps and styled spans.
    QVarLengthArray<Segment, 16> segments;
    qsizetype pos = firstCol;
    for (const LogSpan &span : spans) {
        const qsizetype from = std::clamp<qsizetype>(span.start, pos, lastCol);
        const qsizetype to =
            std::clamp<qsizetype>(qsizetype(span.start) + span.length, from, lastCol);
        if (from > pos)
            segments.append({pos, from, nullptr});
        if (to > from)
            segments.append({from, to, &span});
        pos = std::max(pos, to);
    }
    if (pos < lastCol)
        segments.append({pos, lastCol, nullptr});

    const QColor defaultFg =
        pal.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    auto colours = [&](const LogSpan *style, QColor *fg, QColor *bg) {
        *fg = defaultFg;
        *bg = QColor();
        if (!style || selected)
            return;
        *bg = AnsiPalette::color(style->background, dark);
        // On a coloured background ("white on red" badges) tune the text for that background.
        const bool darkBehind = bg->isValid() ? AnsiPalette::isDark(*bg) : dark;
        const QColor spanFg = AnsiPalette::color(style->foreground, darkBehind);
        if (spanFg.isValid())
            *fg = spanFg;
        if (style->flags & LogSpan::Inverse) {
            const QColor oldFg = *fg;
            *fg = bg->isValid() ? *bg : base;
            *bg = oldFg;
        }
        if (style->flags & LogSpan::Faint)
            fg->setAlphaF(0.6f);
    };

    // Pass 1: span backgrounds; pass 2: search matches; pass 3: text on top.
    for (const Segment &s : segments) {
        QColor fg, bg;
        colours(s.style, &fg, &bg);
        if (bg.isValid()) {
            const qreal x1 = xFor(s.from);
            painter->fillRect(QRectF(x1, rect.top(), xFor(s.to) - x1, rect.height()), bg);
        }
    }
    if (!m_needle.isEmpty()) {
        const QColor match = currentMatch ? QColor(255, 140, 0, 200) : QColor(255, 214, 0, 130);
        qsizetype from = 0;
        qsizetype hit;
        while ((hit = text.indexOf(m_needle, from, m_needleCase)) >= 0 && hit < lastCol) {
            const qsizetype end = hit + m_needle.size();
            if (end > firstCol) {
                const qreal x1 = xFor(std::max(hit, firstCol));
                const qreal x2 = xFor(std::min(end, lastCol));
                painter->fillRect(QRectF(x1, rect.top(), x2 - x1, rect.height()), match);
            }
            from = end;
        }
    }
    for (const Segment &s : segments) {
        QColor fg, bg;
        colours(s.style, &fg, &bg);
        painter->setFont(fontFor(s.style ? s.style->flags : 0));
        painter->setPen(fg);
        painter->drawText(QPointF(xFor(s.from), baseline),
                          QStringView(text).sliced(s.from, s.to - s.from).toString());
    }

    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.rect = fullRow;
        focus.state = option.state | QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = selected ? pal.color(group, QPalette::Highlight) : base;
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, option.widget);
    }
    painter->restore();
}

} // namespace Promotion
