// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "policyerror.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>
#include <vector>

namespace Promotion {

/*!
 * \brief A YAML node that remembers where it was written.
 *
 * The policy loader parses the built-in default and the workspace's
 * promotion.yaml into these trees, merges them, and validates the result.
 * Because every node keeps its own file, line and column, an error found
 * after the merge still points into the file the offending value came from.
 * yaml-cpp stays an implementation detail of policynode.cpp.
 */
class PolicyNode final
{
public:
    enum class Type
    {
        Null,
        Scalar,
        Sequence,
        Map
    };

    Type type = Type::Null;
    QString scalar; //!< Scalar: the text
    QString key;    //!< the key naming this node in its parent map, if any
    QString file;
    int line = 0;    //!< 1-based; 0 when unknown
    int column = 0;  //!< 1-based
    int keyLine = 0; //!< where key was written (the value's place for list items)
    int keyColumn = 0;
    std::vector<PolicyNode> children; //!< Sequence items, or Map values (each with its key)

    bool isNull() const { return type == Type::Null; }
    bool isScalar() const { return type == Type::Scalar; }
    bool isSequence() const { return type == Type::Sequence; }
    bool isMap() const { return type == Type::Map; }

    /*! Map: the value under \a name, or nullptr. */
    const PolicyNode *child(const QString &name) const;
    PolicyNode *child(const QString &name);

    /*! A word for the node's type in messages: "a map", "a list", "a string", "null". */
    QString typeName() const;

    /*!
     * Parses \a yaml (the first document). Syntax errors, duplicate keys,
     * non-string keys and documents too large or too deeply nested are
     * appended to \a errors; the result is then std::nullopt. An empty
     * document is an empty map.
     */
    static std::optional<PolicyNode> parse(const QByteArray &yaml, const QString &file,
                                           QList<PolicyError> *errors);

    /*!
     * \a over merged over \a base: maps merge key by key (recursively), lists
     * and scalars replace, and a null where \a base has a map keeps \a base
     * (a key left empty in the user's file changes nothing).
     */
    static PolicyNode merged(const PolicyNode &base, const PolicyNode &over);
};

} // namespace Promotion
