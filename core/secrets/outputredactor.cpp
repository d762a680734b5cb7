// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputredactor.h"


namespace Promotion {

QByteArray OutputRedactor::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    const qsizetype end = m_pending.lastIndexOf('\n');
    if (end < 0) {
        if (m_pending.size() < kMaxPending)
            return {};
        return flush();
    }
    const QByteArray complete = m_pending.left(end + 1);
    m_pending.remove(0, end + 1);
    return m_redactor.redact(complete);
}

QByteArray OutputRedactor::flush()
{
    const QByteArray rest = m_redactor.redact(m_pending);
    m_pending.clear();
    return rest;
}

Redactor OutputRedactor::forEnvironment(const QProcessEnvironment &env)
{
    return Redactor::forEnvironment(env);
}

} // namespace Promotion
