// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Promotion {

/*!
 * \brief A person as git writes them: "Name <email>", a bare email, or a bare name.
 *
 * Two identities are the same person when both carry an email and the emails
 * are equal ignoring case; otherwise, when both carry a name, when the names are
 * equal ignoring case and runs of whitespace. An email is authoritative: two
 * identities with different emails are different people even with equal names.
 */
struct GitIdentity
{
    QString name;  //!< trimmed, inner whitespace collapsed; may be empty
    QString email; //!< trimmed; may be empty

    /*!
     * Parses "Name <email>", "<email>", "email@host" or "Name". Surrounding
     * whitespace is ignored. Text that is not one of these forms (an unclosed
     * "<", text after ">") is kept whole as the name, so nothing is lost.
     */
    static GitIdentity parse(const QString &text);
    /*!
     * The person at the keyboard, as git would sign a commit in \a workspace:
     * GIT_AUTHOR_NAME/EMAIL, then user.name/email from the repository's
     * .git/config, ~/.gitconfig and $XDG_CONFIG_HOME/git/config; the login name
     * when git knows no name.
     */
    static GitIdentity local(const QString &workspace);

    bool isEmpty() const { return name.isEmpty() && email.isEmpty(); }
    /*! "Name <email>", "Name", or "email" when there is no name. */
    QString toString() const;
    /*! Case-folded email when present, else case-folded name: a stable key for display grouping. */
    QString key() const;
    /*! The comparison rule described above. */
    bool sameAs(const GitIdentity &other) const;
};

} // namespace Promotion
