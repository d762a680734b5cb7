// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <QFont>
#include <QFontMetricsF>
#include <QStyledItemDelegate>

namespace Promotion {

/*!
 * \brief Paints one log line of a LogModel: line number gutter, ANSI colours and styles,
 * search matches.
 *
 * All rows have the same height and a width derived from the longest line seen, so the
 * list view can run in uniform-item-sizes mode and never asks for more than one size hint
 * per layout. Only the characters inside the visible area of very long lines are shaped.
 */
class LogItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LogItemDelegate(QObject *parent = nullptr);

    void setFont(const QFont &font);
    QFont font() const { return m_fonts[0]; }

    void setShowLineNumbers(bool show) { m_showLineNumbers = show; }
    bool showLineNumbers() const { return m_showLineNumbers; }

    /*! Matches of \a needle are highlighted in every painted line (empty: none). */
    void setHighlight(const QString &needle, Qt::CaseSensitivity cs);
    QString highlight() const { return m_needle; }
    /*! The stream line number holding the current search match (0: none). */
    void setCurrentMatchLine(qint64 lineNumber) { m_currentMatchLine = lineNumber; }
    qint64 currentMatchLine() const { return m_currentMatchLine; }

    int lineHeight() const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    qreal gutterWidth(const QModelIndex &index) const;
    const QFont &fontFor(quint8 flags) const;

    std::array<QFont, 8> m_fonts; //!< indexed by bold | italic << 1 | underline << 2
    QFontMetricsF m_metrics;
    qreal m_charWidth = 0;
    bool m_showLineNumbers = true;
    QString m_needle;
    Qt::CaseSensitivity m_needleCase = Qt::CaseInsensitive;
    qint64 m_currentMatchLine = 0;
};

} // namespace Promotion
