// SPDX-License-Identifier: GPL-3.0-or-later
#include "policynode.h"

#include <exception>
#include <QStringDecoder>
#include <string>
#include <utility>
#include <yaml-cpp/yaml.h>

namespace Promotion {

namespace {

// A policy is a few hundred nodes. The limits only stop hostile or broken
// input: aliases can expand a small file into a huge (or, with an anchor
// inside itself, endless) tree.
constexpr int MaxDepth = 64;
constexpr int MaxNodes = 100000;

class Converter
{
public:
    Converter(const QString &file, QList<PolicyError> *errors)
        : m_file(file)
        , m_errors(errors)
    {
    }

    bool failed() const { return m_failed; }

    // Fills \a out from \a node. \a line / \a column are the fallback place when
    // yaml-cpp has none. A null map value ("lint:") carries the mark of whatever
    // follows it, so it is placed at its key instead; a null list item keeps
    // its mark (exact for "~", the next line for a bare "-").
    void convert(const YAML::Node &node, PolicyNode &out, const QString &path, int depth, int line,
                 int column, bool isMapValue)
    {
        if (m_failed)
            return;
        if (++m_nodes > MaxNodes) {
            fail(line, column, path,
                 QStringLiteral("the document is too large (more than %1 values; are aliases "
                                "expanding it?)")
                     .arg(MaxNodes));
            return;
        }
        if (depth > MaxDepth) {
            fail(line, column, path,
                 QStringLiteral("the document nests deeper than %1 levels").arg(MaxDepth));
            return;
        }
        out.file = m_file;
        const YAML::Mark mark = node.Mark();
        const bool hasMark = mark.line >= 0 && mark.column >= 0 && !(isMapValue && node.IsNull());
        out.line = hasMark ? mark.line + 1 : line;
        out.column = hasMark ? mark.column + 1 : column;
        if (out.keyLine == 0) {
            out.keyLine = out.line;
            out.keyColumn = out.column;
        }

        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out.type = PolicyNode::Type::Null;
            break;
        case YAML::NodeType::Scalar: {
            out.type = PolicyNode::Type::Scalar;
            out.scalar = QString::fromStdString(node.Scalar());
            break;
        }
        case YAML::NodeType::Sequence: {
            out.type = PolicyNode::Type::Sequence;
            int index = 0;
            for (const YAML::Node &item : node) {
                PolicyNode child;
                convert(item, child, path + u'[' + QString::number(index) + u']', depth + 1,
                        out.line, out.column, false);
                if (m_failed)
                    return;
                out.children.push_back(std::move(child));
                ++index;
            }
            break;
        }
        case YAML::NodeType::Map: {
            out.type = PolicyNode::Type::Map;
            for (auto it = node.begin(); it != node.end(); ++it) {
                // Copies: operator-> hands out a temporary; Nodes are cheap handles.
                const YAML::Node keyNode = it->first;
                const YAML::Node valueNode = it->second;
                const YAML::Mark keyMark = keyNode.Mark();
                const int keyLine = keyMark.line >= 0 ? keyMark.line + 1 : out.line;
                const int keyColumn = keyMark.column >= 0 ? keyMark.column + 1 : out.column;
                if (!keyNode.IsScalar()) {
                    error(keyLine, keyColumn, path,
                          QStringLiteral("keys must be plain names, not %1")
                              .arg(keyNode.IsSequence() ? QStringLiteral("lists")
                                   : keyNode.IsMap()    ? QStringLiteral("maps")
                                                        : QStringLiteral("null")));
                    continue;
                }
                const QString key = QString::fromStdString(keyNode.Scalar());
                const QString childPath = path.isEmpty() ? key : path + u'.' + key;
                if (const PolicyNode *first = out.child(key)) {
                    error(keyLine, keyColumn, childPath,
                          QStringLiteral("duplicate key '%1' (first written at line %2)")
                              .arg(key)
                              .arg(first->keyLine));
                    continue;
                }
                PolicyNode child;
                child.key = key;
                child.keyLine = keyLine;
                child.keyColumn = keyColumn;
                // A key without a value ("lint:") is reported at the key.
                convert(valueNode, child, childPath, depth + 1, keyLine, keyColumn, true);
                if (m_failed)
                    return;
                out.children.push_back(std::move(child));
            }
            break;
        }
        }
    }

    void error(int line, int column, const QString &path, const QString &message)
    {
        m_errors->append(PolicyError{m_file, line, column, path, message});
        m_hadErrors = true;
    }

    bool hadErrors() const { return m_hadErrors || m_failed; }

private:
    void fail(int line, int column, const QString &path, const QString &message)
    {
        error(line, column, path, message);
        m_failed = true;
    }

    QString m_file;
    QList<PolicyError> *m_errors;
    int m_nodes = 0;
    bool m_failed = false;
    bool m_hadErrors = false;
};

} // namespace

const PolicyNode *PolicyNode::child(const QString &name) const
{
    if (type != Type::Map)
        return nullptr;
    for (const PolicyNode &c : children) {
        if (c.key == name)
            return &c;
    }
    return nullptr;
}

PolicyNode *PolicyNode::child(const QString &name)
{
    return const_cast<PolicyNode *>(std::as_const(*this).child(name));
}

QString PolicyNode::typeName() const
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("empty (null)");
    case Type::Scalar:
        return QStringLiteral("a single value");
    case Type::Sequence:
        return QStringLiteral("a list");
    case Type::Map:
        return QStringLiteral("a map");
    }
    return {};
}

std::optional<PolicyNode> PolicyNode::parse(const QByteArray &yaml, const QString &file,
                                            QList<PolicyError> *errors)
{
    // YAML is text, and yaml-cpp reads UTF-8: anything else is named where it starts, instead
    // of being read as garbage (and echoed to the terminal in a later message).
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(yaml);
    if (utf8.hasError() || text.contains(QChar::Null)) {
        const qsizetype at =
            utf8.hasError() ? text.indexOf(QChar::ReplacementCharacter) : text.indexOf(QChar::Null);
        const QStringView before = QStringView(text).left(qMax(at, qsizetype(0)));
        const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
        errors->append(PolicyError{file, int(before.count(u'\n')) + 1, int(at - lineStart) + 1,
                                   QString(),
                                   QStringLiteral("not UTF-8 text: the policy is a YAML file; "
                                                  "save it as UTF-8 (is this the right file?)")});
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml.constData(), size_t(yaml.size())));
    } catch (const YAML::Exception &e) {
        const bool hasMark = e.mark.line >= 0 && e.mark.column >= 0;
        QString message = QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg);
        // The commonest cause by far, and yaml-cpp does not say it.
        const QStringList lines = text.split(u'\n');
        if (hasMark && e.mark.line < lines.size()) {
            const QString &line = lines.at(e.mark.line);
            qsizetype indent = 0;
            while (indent < line.size() && line.at(indent).isSpace())
                ++indent;
            if (line.left(indent).contains(u'\t'))
                message += QStringLiteral(" (the line is indented with a tab; YAML allows only "
                                          "spaces)");
        }
        errors->append(PolicyError{file, hasMark ? e.mark.line + 1 : 0,
                                   hasMark ? e.mark.column + 1 : 0, QString(), message});
        return std::nullopt;
    } catch (const std::exception &e) {
        errors->append(
            PolicyError{file, 0, 0, QString(),
                        QStringLiteral("cannot read YAML: ") + QString::fromLocal8Bit(e.what())});
        return std::nullopt;
    }

    PolicyNode out;
    if (root.IsNull()) {
        // An empty promotion.yaml (or one with only comments) overrides nothing.
        out.type = Type::Map;
        out.file = file;
        out.line = out.keyLine = 1;
        out.column = out.keyColumn = 1;
        return out;
    }
    Converter converter(file, errors);
    try {
        converter.convert(root, out, QString(), 0, 1, 1, false);
    } catch (const std::exception &e) {
        errors->append(
            PolicyError{file, 0, 0, QString(),
                        QStringLiteral("cannot read YAML: ") + QString::fromLocal8Bit(e.what())});
        return std::nullopt;
    }
    if (converter.hadErrors())
        return std::nullopt;
    return out;
}

PolicyNode PolicyNode::merged(const PolicyNode &base, const PolicyNode &over)
{
    if (base.isMap() && over.isNull())
        return base;
    if (!base.isMap() || !over.isMap())
        return over;
    // The merged map sits where the overriding file wrote it: errors about the
    // map as a whole (a missing key) then point at the user's text.
    PolicyNode out = base;
    out.file = over.file;
    out.line = over.line;
    out.column = over.column;
    out.keyLine = over.keyLine;
    out.keyColumn = over.keyColumn;
    for (const PolicyNode &c : over.children) {
        if (PolicyNode *existing = out.child(c.key))
            *existing = merged(*existing, c);
        else
            out.children.push_back(c);
    }
    return out;
}

} // namespace Promotion
