// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttemplate.h"

#include <memory>
#include <QList>
#include <QRegularExpression>
#include <vector>

namespace Promotion {

namespace {

struct Node
{
    enum Kind
    {
        Text,
        Variable,
        Section,
        Inverted
    };
    Kind kind = Text;
    QString text; //!< literal text, or the name
    int line = 0;
    std::vector<std::unique_ptr<Node>> children;
};

struct Token
{
    enum Kind
    {
        Text,
        Variable,
        Open,
        OpenInverted,
        Close,
        Comment
    };
    Kind kind = Text;
    QString text;
    int line = 0;
};

Token::Kind kindOf(QChar sigil)
{
    switch (sigil.unicode()) {
    case '#':
        return Token::Open;
    case '^':
        return Token::OpenInverted;
    case '/':
        return Token::Close;
    case '!':
        return Token::Comment;
    default:
        return Token::Variable;
    }
}

QList<Token> tokenize(const QString &text)
{
    static const QRegularExpression standalone(
        QStringLiteral("^[ \\t]*\\{(?:([#^/])([A-Za-z_][A-Za-z0-9_]*)|(!)[^}]*)\\}[ \\t]*\\r?$"));
    static const QRegularExpression inlineTag(
        QStringLiteral("\\{(?:([#^/]?)([A-Za-z_][A-Za-z0-9_]*)|(!)[^}]*)\\}"));

    QList<Token> tokens;
    auto appendText = [&tokens](const QString &t, int line) {
        if (t.isEmpty())
            return;
        if (!tokens.isEmpty() && tokens.last().kind == Token::Text)
            tokens.last().text += t;
        else
            tokens.append({Token::Text, t, line});
    };

    qsizetype pos = 0;
    int line = 1;
    while (pos < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        const bool hasNewline = end >= 0;
        if (!hasNewline)
            end = text.size();
        const QString lineText = text.mid(pos, end - pos);

        const QRegularExpressionMatch whole = standalone.match(lineText);
        if (whole.hasMatch()) {
            if (whole.capturedLength(3) > 0)
                tokens.append({Token::Comment, QString(), line});
            else
                tokens.append({kindOf(whole.captured(1).at(0)), whole.captured(2), line});
        } else {
            qsizetype col = 0;
            auto it = inlineTag.globalMatch(lineText);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                appendText(lineText.mid(col, m.capturedStart() - col), line);
                if (m.capturedLength(3) > 0) {
                    // comment: nothing to render
                } else if (m.capturedLength(1) > 0) {
                    tokens.append({kindOf(m.captured(1).at(0)), m.captured(2), line});
                } else {
                    tokens.append({Token::Variable, m.captured(2), line});
                }
                col = m.capturedEnd();
            }
            appendText(lineText.mid(col) + (hasNewline ? QStringLiteral("\n") : QString()), line);
        }
        pos = end + 1;
        ++line;
    }
    return tokens;
}

bool build(const QList<Token> &tokens, Node *root, QString *error)
{
    std::vector<Node *> stack{root};
    for (const Token &token : tokens) {
        Node *parent = stack.back();
        switch (token.kind) {
        case Token::Comment:
            break;
        case Token::Text:
        case Token::Variable: {
            auto node = std::make_unique<Node>();
            node->kind = token.kind == Token::Text ? Node::Text : Node::Variable;
            node->text = token.text;
            node->line = token.line;
            parent->children.push_back(std::move(node));
            break;
        }
        case Token::Open:
        case Token::OpenInverted: {
            auto node = std::make_unique<Node>();
            node->kind = token.kind == Token::Open ? Node::Section : Node::Inverted;
            node->text = token.text;
            node->line = token.line;
            Node *raw = node.get();
            parent->children.push_back(std::move(node));
            stack.push_back(raw);
            break;
        }
        case Token::Close:
            if (stack.size() == 1) {
                *error = QStringLiteral("line %1: {/%2} closes a section that was never opened")
                             .arg(token.line)
                             .arg(token.text);
                return false;
            }
            if (parent->text != token.text) {
                *error = QStringLiteral("line %1: {/%2} does not match {%3%4} opened on line %5")
                             .arg(token.line)
                             .arg(token.text,
                                  parent->kind == Node::Section ? QStringLiteral("#")
                                                                : QStringLiteral("^"),
                                  parent->text)
                             .arg(parent->line);
                return false;
            }
            stack.pop_back();
            break;
        }
    }
    if (stack.size() > 1) {
        const Node *open = stack.back();
        *error = QStringLiteral("line %1: section {%2%3} is never closed")
                     .arg(open->line)
                     .arg(open->kind == Node::Section ? QStringLiteral("#") : QStringLiteral("^"),
                          open->text);
        return false;
    }
    return true;
}

class Renderer
{
public:
    QString *error = nullptr;
    QString out;

    bool render(const Node &node, QList<QVariantMap> &contexts)
    {
        for (const auto &child : node.children) {
            if (!renderOne(*child, contexts))
                return false;
        }
        return true;
    }

private:
    std::optional<QVariant> lookup(const QString &name, const QList<QVariantMap> &contexts,
                                   int line)
    {
        for (auto it = contexts.crbegin(); it != contexts.crend(); ++it) {
            const auto found = it->constFind(name);
            if (found != it->constEnd())
                return *found;
        }
        *error = QStringLiteral("line %1: unknown placeholder {%2}").arg(line).arg(name);
        return std::nullopt;
    }

    static bool truthy(const QVariant &value)
    {
        switch (value.typeId()) {
        case QMetaType::QVariantList:
            return !value.toList().isEmpty();
        case QMetaType::QStringList:
            return !value.toStringList().isEmpty();
        case QMetaType::QString:
            return !value.toString().isEmpty();
        case QMetaType::QVariantMap:
            return true;
        default:
            return value.isValid() && !value.isNull() && value.toBool();
        }
    }

    bool renderOne(const Node &node, QList<QVariantMap> &contexts)
    {
        switch (node.kind) {
        case Node::Text:
            out += node.text;
            return true;
        case Node::Variable: {
            const auto value = lookup(node.text, contexts, node.line);
            if (!value)
                return false;
            if (value->typeId() == QMetaType::QVariantList ||
                value->typeId() == QMetaType::QVariantMap ||
                value->typeId() == QMetaType::QStringList) {
                *error = QStringLiteral("line %1: {%2} is a list or map; use {#%2}...{/%2}")
                             .arg(node.line)
                             .arg(node.text);
                return false;
            }
            out += value->toString();
            return true;
        }
        case Node::Inverted: {
            const auto value = lookup(node.text, contexts, node.line);
            if (!value)
                return false;
            return truthy(*value) ? true : render(node, contexts);
        }
        case Node::Section: {
            const auto value = lookup(node.text, contexts, node.line);
            if (!value)
                return false;
            if (!truthy(*value))
                return true;
            if (value->typeId() == QMetaType::QVariantList) {
                const QVariantList items = value->toList();
                for (const QVariant &item : items) {
                    if (item.typeId() != QMetaType::QVariantMap) {
                        *error = QStringLiteral("line %1: elements of {#%2} must be maps")
                                     .arg(node.line)
                                     .arg(node.text);
                        return false;
                    }
                    contexts.append(item.toMap());
                    const bool ok = render(node, contexts);
                    contexts.removeLast();
                    if (!ok)
                        return false;
                }
                return true;
            }
            if (value->typeId() == QMetaType::QVariantMap) {
                contexts.append(value->toMap());
                const bool ok = render(node, contexts);
                contexts.removeLast();
                return ok;
            }
            return render(node, contexts);
        }
        }
        return true;
    }
};

} // namespace

std::optional<QString> TextTemplate::render(const QString &templateText, const QVariantMap &context,
                                            QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    Node root;
    if (!build(tokenize(templateText), &root, err))
        return std::nullopt;
    Renderer renderer;
    renderer.error = err;
    QList<QVariantMap> contexts{context};
    if (!renderer.render(root, contexts))
        return std::nullopt;
    return renderer.out;
}

} // namespace Promotion
