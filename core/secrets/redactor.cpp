// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactor.h"

#include <algorithm>
#include <QList>
#include <QRegularExpression>

namespace Promotion {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement; //!< may refer to capture groups, e.g. "\\1[REDACTED]"
};

const QList<Rule> &rules()
{
    static const QList<Rule> all = [] {
        const QString m = Redactor::mask();
        return QList<Rule>{
            // Header values first, so "Authorization: token ghp_..." keeps its label.
            {QRegularExpression(
                 QStringLiteral(
                     R"((\bauthorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+)[^\s"',;]+)"),
                 QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m},
            {QRegularExpression(QStringLiteral(R"((\bbearer\s+)[A-Za-z0-9._~+/=-]{8,})"),
                                QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m},
            {QRegularExpression(QStringLiteral(R"(\bgh[pousr]_[A-Za-z0-9]{36,255}\b)")), m},
            {QRegularExpression(QStringLiteral(R"(\bgithub_pat_[A-Za-z0-9_]{22,255}\b)")), m},
            {QRegularExpression(QStringLiteral(R"(\bglpat-[A-Za-z0-9_-]{20,255})")), m},
            // https://user:secret@host -> https://user:[REDACTED]@host
            {QRegularExpression(QStringLiteral(R"((\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^@\s/]+@)"),
                                QRegularExpression::CaseInsensitiveOption),
             QStringLiteral("\\1") + m + QStringLiteral("@")},
        };
    }();
    return all;
}

/* QRegularExpression has no replace-with-backreferences for a list of rules
 * over bytes, so bytes go through Latin-1: one char per byte, lossless both ways,
 * and every pattern above is ASCII. */
QString applyRules(QString text)
{
    for (const Rule &rule : rules())
        text.replace(rule.pattern, rule.replacement);
    return text;
}

} // namespace

bool Redactor::addSecret(const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return false;
    if (m_secrets.contains(secret))
        return true;
    m_secrets << secret;
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return true;
}

void Redactor::clearSecrets()
{
    m_secrets.clear();
}

QString Redactor::redactPatterns(const QString &text)
{
    return applyRules(text);
}

QString Redactor::redact(const QString &text) const
{
    QString out = text;
    // Known values go first: a pattern could otherwise cut a secret in two.
    for (const QString &secret : m_secrets)
        out.replace(secret, mask());
    return applyRules(out);
}

QByteArray Redactor::redact(const QByteArray &bytes) const
{
    QByteArray out = bytes;
    const QByteArray masked = mask().toUtf8();
    for (const QString &secret : m_secrets)
        out.replace(secret.toUtf8(), masked);
    return applyRules(QString::fromLatin1(out)).toLatin1();
}

} // namespace Promotion
