// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownhighlighter.h"

#include <QRegularExpression>

namespace Promotion {

namespace {
constexpr int kNormal = -1; // QSyntaxHighlighter's own "no state"
constexpr int kInFence = 1;
} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : BuiltinHighlighter(document)
{
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression fence(QStringLiteral("^ {0,3}(`{3,}|~{3,})"));
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}(\\s|$)"));
    static const QRegularExpression quote(QStringLiteral("^ {0,3}>"));
    static const QRegularExpression listItem(QStringLiteral("^(\\s*)([-*+]|\\d{1,9}[.)])(\\s+|$)"));
    static const QRegularExpression checkbox(QStringLiteral("\\G\\[([ xX])\\](?=\\s|$)"));
    static const QRegularExpression strong(
        QStringLiteral("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|__(?=\\S)(.+?)(?<=\\S)__"));
    static const QRegularExpression emphasis(
        QStringLiteral("(?<![*\\w])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![*\\w])|(?<![_\\w])_(?=[^"
                       "\\s_])(.+?)(?<=[^\\s_])_(?![_\\w])"));
    static const QRegularExpression link(QStringLiteral("\\[[^\\]\\n]+\\]\\([^)\\s]+\\)"));
    static const QRegularExpression codeSpan(QStringLiteral("(`+)(.+?)\\1"));

    const bool inFence = previousBlockState() == kInFence;
    if (fence.match(text).hasMatch()) {
        apply(0, int(text.size()), Role::Fence);
        setCurrentBlockState(inFence ? kNormal : kInFence);
        return;
    }
    if (inFence) {
        apply(0, int(text.size()), Role::Code);
        setCurrentBlockState(kInFence);
        return;
    }
    setCurrentBlockState(kNormal);

    if (heading.match(text).hasMatch())
        apply(0, int(text.size()), Role::Heading);
    else if (quote.match(text).hasMatch())
        apply(0, int(text.size()), Role::Quote);

    const QRegularExpressionMatch item = listItem.match(text);
    if (item.hasMatch()) {
        apply(int(item.capturedStart(2)), int(item.capturedLength(2)), Role::ListMarker);
        const int after = int(item.capturedEnd(0));
        const QRegularExpressionMatch box =
            checkbox.match(text, after, QRegularExpression::NormalMatch,
                           QRegularExpression::AnchorAtOffsetMatchOption);
        if (box.hasMatch()) {
            const bool done = box.captured(1) != QLatin1String(" ");
            apply(int(box.capturedStart(0)), int(box.capturedLength(0)),
                  done ? Role::CheckboxDone : Role::CheckboxOpen);
        }
    }

    // Later rules win where they overlap: code spans are literal text.
    const auto each = [&](const QRegularExpression &re, Role role) {
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            apply(int(m.capturedStart(0)), int(m.capturedLength(0)), role);
        }
    };
    each(link, Role::Link);
    each(strong, Role::Strong);
    each(emphasis, Role::Emphasis);
    each(codeSpan, Role::Code);
}

} // namespace Promotion
