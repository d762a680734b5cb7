// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitidentity.h"

#include <QRegularExpression>

namespace Promotion {

namespace {
bool looksLikeEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^\\s<>@]+@[^\\s<>@]+$"));
    return re.match(text).hasMatch();
}
} // namespace

GitIdentity GitIdentity::parse(const QString &text)
{
    GitIdentity identity;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return identity;

    static const QRegularExpression nameEmail(QStringLiteral("^([^<>]*)<([^<>]*)>$"));
    const QRegularExpressionMatch match = nameEmail.match(trimmed);
    if (match.hasMatch()) {
        identity.name = match.captured(1).simplified();
        identity.email = match.captured(2).trimmed();
        return identity;
    }
    if (looksLikeEmail(trimmed)) {
        identity.email = trimmed;
        return identity;
    }
    identity.name = trimmed.simplified();
    return identity;
}

QString GitIdentity::toString() const
{
    if (email.isEmpty())
        return name;
    if (name.isEmpty())
        return email;
    return name + QStringLiteral(" <") + email + QLatin1Char('>');
}

QString GitIdentity::key() const
{
    return email.isEmpty() ? name.toCaseFolded() : email.toCaseFolded();
}

bool GitIdentity::sameAs(const GitIdentity &other) const
{
    if (!email.isEmpty() && !other.email.isEmpty())
        return email.compare(other.email, Qt::CaseInsensitive) == 0;
    if (!name.isEmpty() && !other.name.isEmpty())
        return name.compare(other.name, Qt::CaseInsensitive) == 0;
    return false;
}

} // namespace Promotion
