// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QSyntaxHighlighter;
class QTextDocument;

namespace Promotion {

/*!
 * \brief Attaches syntax highlighting for the few languages the console shows:
 * specs (Markdown), manifests and the policy (YAML), reports (JSON) and
 * metadata diffs (Diff).
 *
 * With KF6 SyntaxHighlighting (HAVE_KSYNTAXHIGHLIGHTING; it needs Qt >= 6.5)
 * its definitions and a theme matching the palette are used; otherwise the
 * small built-in highlighters under highlighting/.
 */
class SyntaxHighlighting final
{
public:
    /*!
     * Attach a highlighter for \a language ("Markdown", "YAML", "JSON", "Diff",
     * case-insensitive) to \a document, replacing one attached earlier by this
     * function. An unknown language or a null document leaves the text plain.
     * The highlighter is a child of \a document.
     */
    static void attach(QTextDocument *document, const QString &language);

    /*! The built-in highlighter for \a language as a child of \a document, or nullptr for an
     * unknown language. */
    static QSyntaxHighlighter *createBuiltin(QTextDocument *document, const QString &language);
    /*! The highlighter attach() put on \a document, or nullptr. */
    static QSyntaxHighlighter *highlighterOf(const QTextDocument *document);
    /*! True when attach() uses KF6 SyntaxHighlighting rather than the built-in highlighters. */
    static bool usesKSyntaxHighlighting();
    static QStringList languages();
};

} // namespace Promotion
