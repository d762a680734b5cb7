// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Promotion {

/*!
 * \brief Paints a stage name as a rounded, coloured badge: development blue,
 * staging amber, production green, anything else grey.
 *
 * The stage id comes from \a stageRole (ComponentListModel::StageRole by
 * default) and the text from Qt::DisplayRole, so an unknown stage still
 * reads "unknown".
 */
class StageBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit StageBadgeDelegate(QObject *parent = nullptr);

    void setStageRole(int role) { m_stageRole = role; }
    int stageRole() const { return m_stageRole; }

    /*! The badge's text font for a cell in \a font: bold, a little smaller. sizeHint() measures
     *  with the font paint() draws in. */
    static QFont badgeFont(const QFont &font);
    /*! Where the badge of \a text goes inside \a cell, for \a font. */
    static QRect badgeRect(const QRect &cell, const QFont &font, const QString &text);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_stageRole;
};

} // namespace Promotion
