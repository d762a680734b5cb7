// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/redactor.h"

#include <QByteArray>
#include <QProcessEnvironment>

namespace Promotion {

/*!
 * \brief Redacts a stream of tool output that arrives in arbitrary chunks.
 *
 * A token split across two chunks would escape a per-chunk redaction, so only
 * whole lines are released; the unfinished tail waits for the next chunk or
 * for flush(). Long lines without a newline are released once they pass a
 * size limit so a tool that never ends its line still shows progress.
 */
class OutputRedactor final
{
public:
    explicit OutputRedactor(const Redactor &redactor)
        : m_redactor(redactor)
    {
    }

    /*! The redacted complete lines of what has arrived so far (may be empty). */
    QByteArray feed(const QByteArray &chunk);
    /*! The redacted rest, at the end of the stream. */
    QByteArray flush();

    /*! Redactor::forEnvironment(): the values of \a env's secret variables. */
    static Redactor forEnvironment(const QProcessEnvironment &env);

private:
    static constexpr qsizetype kMaxPending = 64 * 1024;
    Redactor m_redactor;
    QByteArray m_pending;
};

} // namespace Promotion
