// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the keyboard and translation GUI tests: the mnemonics of a set of controls, and
// the texts a person reads on a window.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStringList>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>

namespace UiText {

/*! The mnemonic letter of \a text ("&Next" -> 'n'; "&&" is a literal ampersand), or null. */
inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

/*! The text of a control that can carry a mnemonic: a button, a label with a buddy, a
 *  checkable group box. Empty for anything else. */
inline QString mnemonicText(const QWidget *w)
{
    if (auto *b = qobject_cast<const QAbstractButton *>(w))
        return b->text();
    if (auto *l = qobject_cast<const QLabel *>(w))
        return l->buddy() ? l->text() : QString();
    if (auto *g = qobject_cast<const QGroupBox *>(w))
        return g->title();
    return {};
}

/*! "'x' in "A" and "B"" for every mnemonic letter two of \a texts share. */
inline QStringList collisions(const QStringList &texts)
{
    QStringList found;
    QHash<QChar, QString> used;
    for (const QString &text : texts) {
        const QChar m = mnemonicOf(text);
        if (m.isNull())
            continue;
        if (used.contains(m))
            found.append(QStringLiteral("'%1' in \"%2\" and \"%3\"").arg(m, used.value(m), text));
        else
            used.insert(m, text);
    }
    return found;
}

/*! The mnemonic texts of \a root's controls (buttons, labels with a buddy, group boxes). */
inline QStringList mnemonicTexts(const QWidget *root)
{
    QStringList out;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        const QString text = mnemonicText(w);
        if (!text.isEmpty())
            out.append(text);
    }
    return out;
}

/*! Collisions among the entries of \a menu (and, recursively, of its submenus). */
inline QStringList menuCollisions(const QMenu *menu)
{
    QStringList found;
    QHash<QChar, QString> used;
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        const QChar m = mnemonicOf(a->text());
        if (!m.isNull()) {
            if (used.contains(m))
                found.append(QStringLiteral("menu %1: '%2' in \"%3\" and \"%4\"")
                                 .arg(menu->title(), m, used.value(m), a->text()));
            else
                used.insert(m, a->text());
        }
        if (a->menu())
            found += menuCollisions(a->menu());
    }
    return found;
}

inline QStringList menuBarCollisions(const QMenuBar *bar)
{
    QStringList found;
    QHash<QChar, QString> used;
    for (const QAction *a : bar->actions()) {
        const QChar m = mnemonicOf(a->text());
        if (!m.isNull()) {
            if (used.contains(m))
                found.append(QStringLiteral("menu bar: '%1' in \"%2\" and \"%3\"")
                                 .arg(m, used.value(m), a->text()));
            else
                used.insert(m, a->text());
        }
        if (a->menu())
            found += menuCollisions(a->menu());
    }
    return found;
}

inline QString plain(QString text)
{
    if (text.contains(QLatin1Char('<'))) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    text.remove(QRegularExpression(QStringLiteral("&(?=[^&\\s])")));
    return text.simplified();
}

/*! Every text \a root shows in its widgets: labels, buttons, group boxes, tabs, combo items,
 *  item views' headers, window title. Markup and mnemonics removed. */
inline QStringList texts(QWidget *root)
{
    QStringList out;
    const auto add = [&out](const QString &t) {
        const QString p = plain(t);
        if (!p.isEmpty())
            out.append(p);
    };
    add(root->windowTitle());
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        // Qt's own parts (a dock's close button) speak Qt's translation, not ours.
        if (w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title());
        else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                add(c->itemText(i));
        } else if (auto *v = qobject_cast<QAbstractItemView *>(w)) {
            if (QAbstractItemModel *m = v->model()) {
                for (int c = 0; c < m->columnCount(); ++c)
                    add(m->headerData(c, Qt::Horizontal).toString());
                for (int r = 0; r < m->rowCount(); ++r)
                    add(m->index(r, 0).data().toString());
            }
        }
        if (!w->toolTip().isEmpty())
            add(w->toolTip());
        if (!w->accessibleName().isEmpty())
            add(w->accessibleName());
    }
    return out;
}

} // namespace UiText
