// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinhighlighter.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>
#include <QWidget>

namespace Promotion {

namespace {

struct RoleStyle
{
    BuiltinHighlighter::Role role;
    const char *light; //!< foreground on a light base; nullptr: palette text
    const char *dark;  //!< foreground on a dark base
    const char *lightBackground = nullptr;
    const char *darkBackground = nullptr;
    bool bold = false;
    bool italic = false;
    bool fixedPitch = false;
};

// Colours follow GitHub's light and dark syntax palettes: each pair keeps at
// least 4.5:1 contrast against its own base.
const RoleStyle kStyles[] = {
    {BuiltinHighlighter::Role::Heading, "#0550ae", "#79c0ff", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::Strong, nullptr, nullptr, nullptr, nullptr, true},
    {BuiltinHighlighter::Role::Emphasis, nullptr, nullptr, nullptr, nullptr, false, true},
    {BuiltinHighlighter::Role::Code, "#953800", "#ffa657", nullptr, nullptr, false, false, true},
    {BuiltinHighlighter::Role::Fence, "#6e7781", "#8b949e", nullptr, nullptr, false, false, true},
    {BuiltinHighlighter::Role::ListMarker, "#8250df", "#d2a8ff", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::CheckboxOpen, "#9a6700", "#e3b341", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::CheckboxDone, "#1a7f37", "#3fb950", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::Link, "#0969da", "#58a6ff"},
    {BuiltinHighlighter::Role::Quote, "#57606a", "#8b949e", nullptr, nullptr, false, true},
    {BuiltinHighlighter::Role::Key, "#0550ae", "#79c0ff"},
    {BuiltinHighlighter::Role::String, "#116329", "#7ee787"},
    {BuiltinHighlighter::Role::Number, "#953800", "#ffa657"},
    {BuiltinHighlighter::Role::Literal, "#cf222e", "#ff7b72"},
    {BuiltinHighlighter::Role::Comment, "#6e7781", "#8b949e", nullptr, nullptr, false, true},
    {BuiltinHighlighter::Role::DocumentMarker, "#8250df", "#d2a8ff", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::Added, "#116329", "#aff5b4", "#dafbe1", "#033a16"},
    {BuiltinHighlighter::Role::Removed, "#82071e", "#ffdcd7", "#ffebe9", "#67060c"},
    {BuiltinHighlighter::Role::Hunk, "#8250df", "#d2a8ff", nullptr, nullptr, true},
    {BuiltinHighlighter::Role::FileHeader, nullptr, nullptr, nullptr, nullptr, true},
};

} // namespace

BuiltinHighlighter::BuiltinHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // The editor that owns the document tells us about palette changes
    // (light <-> dark) and its own palette is the one the text is drawn on.
    // QTextEdit and QPlainTextEdit parent their document to an internal
    // control object, so look further up for the widget.
    for (QObject *o = document ? document->parent() : nullptr; o && !m_widget; o = o->parent())
        m_widget = qobject_cast<QWidget *>(o);
    if (m_widget)
        m_widget->installEventFilter(this);
    rebuildFormats();
}

bool BuiltinHighlighter::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QTextCharFormat BuiltinHighlighter::makeFormat(Role role, const QPalette &palette)
{
    QTextCharFormat f;
    f.setProperty(roleProperty(), int(role));
    const bool dark = isDark(palette);
    for (const RoleStyle &s : kStyles) {
        if (s.role != role)
            continue;
        if (const char *fg = dark ? s.dark : s.light)
            f.setForeground(QColor(QLatin1String(fg)));
        if (const char *bg = dark ? s.darkBackground : s.lightBackground)
            f.setBackground(QColor(QLatin1String(bg)));
        if (s.bold)
            f.setFontWeight(QFont::Bold);
        if (s.italic)
            f.setFontItalic(true);
        if (s.fixedPitch)
            f.setFontFixedPitch(true);
        break;
    }
    return f;
}

BuiltinHighlighter::Role BuiltinHighlighter::roleOf(const QTextFormat &format)
{
    return format.hasProperty(roleProperty()) ? Role(format.intProperty(roleProperty()))
                                              : Role::None;
}

const QTextCharFormat &BuiltinHighlighter::format(Role role) const
{
    static const QTextCharFormat none;
    const auto it = m_formats.constFind(int(role));
    return it == m_formats.constEnd() ? none : it.value();
}

void BuiltinHighlighter::apply(int start, int count, Role role)
{
    if (count > 0)
        setFormat(start, count, format(role));
}

void BuiltinHighlighter::rebuildFormats()
{
    const QPalette palette = m_widget ? m_widget->palette() : QGuiApplication::palette();
    m_formats.clear();
    for (const RoleStyle &s : kStyles)
        m_formats.insert(int(s.role), makeFormat(s.role, palette));
}

bool BuiltinHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::PaletteChange) {
        rebuildFormats();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

} // namespace Promotion
