// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;
class QWidget;

namespace Promotion {

/*!
 * \brief Base of the small built-in highlighters used when KF6 SyntaxHighlighting
 * is not available: a shared set of palette-aware formats, one per role.
 *
 * Every format carries its role in roleProperty(), so tests (and anyone
 * inspecting a QTextLayout) can tell what a range was recognised as without
 * depending on colours. Colours come from the palette of the widget owning the
 * document (the application palette otherwise) and are rebuilt when it
 * changes, so light and dark palettes both stay readable.
 */
class BuiltinHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Role
    {
        None = 0,
        Heading,    //!< Markdown heading
        Strong,     //!< Markdown bold
        Emphasis,   //!< Markdown italic
        Code,       //!< Markdown code span or fenced block
        Fence,      //!< Markdown ``` line
        ListMarker, //!< Markdown/YAML list marker
        CheckboxOpen,
        CheckboxDone,
        Link,
        Quote, //!< Markdown block quote
        Key,   //!< YAML/JSON key
        String,
        Number,
        Literal, //!< true, false, null, ~
        Comment,
        DocumentMarker, //!< YAML --- and ...
        Added,          //!< diff + line
        Removed,        //!< diff - line
        Hunk,           //!< diff @@ header
        FileHeader,     //!< diff ---/+++/diff/index lines
    };
    Q_ENUM(Role)

    /*! QTextFormat property holding int(Role) in every format applied. */
    static constexpr int roleProperty() { return QTextFormat::UserProperty + 0x5e1; }
    /*! The role stored in \a format, Role::None when it has none. */
    static Role roleOf(const QTextFormat &format);

    /*! The format for \a role on \a palette (light or dark base). */
    static QTextCharFormat makeFormat(Role role, const QPalette &palette);
    static bool isDark(const QPalette &palette);

protected:
    explicit BuiltinHighlighter(QTextDocument *document);

    const QTextCharFormat &format(Role role) const;
    /*! Apply \a role's format to [start, start + count). */
    void apply(int start, int count, Role role);
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildFormats();

    QHash<int, QTextCharFormat> m_formats;
    QPointer<QWidget> m_widget;
};

} // namespace Promotion
