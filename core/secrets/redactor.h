// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Removes secrets from captured text before it reaches a log, a report
 * or the journal.
 *
 * Two kinds of secrets are replaced by `[REDACTED]`:
 * - values the application knows (the token read from the keychain), added
 *   with addSecret();
 * - anything that looks like a credential: GitHub tokens (`ghp_`, `gho_`,
 *   `ghu_`, `ghs_`, `ghr_` followed by 36+ characters, `github_pat_...`),
 *   GitLab tokens (`glpat-...`), the value of an `Authorization:` header
 *   (`Bearer`, `token`, `Basic`), and the password in `scheme://user:password@host`.
 *
 * The surrounding text is kept (`Authorization: Bearer [REDACTED]`), so logs
 * stay readable. Byte input is redacted byte-for-byte: bytes that are not
 * valid UTF-8 pass through unchanged.
 */
class Redactor final
{
public:
    static QString mask() { return QStringLiteral("[REDACTED]"); }
    /*! Known secrets shorter than this are ignored: they would redact ordinary words. */
    static constexpr int MinimumSecretLength = 4;

    /*! Remember \a secret (exact value) for redaction. Returns false if it was too short. */
    bool addSecret(const QString &secret);
    void clearSecrets();
    int secretCount() const { return int(m_secrets.size()); }

    QString redact(const QString &text) const;
    QByteArray redact(const QByteArray &bytes) const;

    /*! Only the pattern rules, for text where no known secret applies. */
    static QString redactPatterns(const QString &text);

private:
    QStringList m_secrets; //!< longest first, so a secret containing another goes whole
};

} // namespace Promotion
