// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyerror.h"

#include "parsers/parserutil_p.h"

namespace Promotion {

QString PolicyError::toString() const
{
    QString out = file.isEmpty() ? QStringLiteral("<policy>") : file;
    if (line > 0) {
        out += u':' + QString::number(line);
        if (column > 0)
            out += u':' + QString::number(column);
    }
    out += QStringLiteral(": ");
    if (!key.isEmpty())
        out += key + QStringLiteral(": ");
    out += message;
    // Keys and values are quoted from the file: a control character (a terminal escape, a
    // line break) in them must not reach the terminal or split the one-line message.
    return ParserUtil::printable(out);
}

QString policyErrorsToString(const QList<PolicyError> &errors)
{
    QStringList lines;
    lines.reserve(errors.size());
    for (const PolicyError &e : errors)
        lines << e.toString();
    return lines.join(u'\n');
}

} // namespace Promotion
