// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Promotion {

/*!
 * \brief One reason a policy file was refused, pointing at the file, line and key.
 *
 * Lines and columns are 1-based; 0 means "the whole file" (unreadable file,
 * empty document). \c key is the dotted path of the offending setting, with
 * list items as `[index]`, e.g. `transitions[0].gates[2]`.
 */
struct PolicyError
{
    QString file;
    int line = 0;
    int column = 0;
    QString key;
    QString message;

    /*! "promotion.yaml:12:5: gates.lint.command: must be a list of strings" */
    QString toString() const;

    friend bool operator==(const PolicyError &a, const PolicyError &b)
    {
        return a.file == b.file && a.line == b.line && a.column == b.column && a.key == b.key &&
               a.message == b.message;
    }
};

/*! All \a errors, one toString() per line. */
QString policyErrorsToString(const QList<PolicyError> &errors);

} // namespace Promotion
