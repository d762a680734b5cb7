// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

namespace Promotion {

/*!
 * \brief RFC 6901 JSON pointers ("/a/0/b~1c") resolved against a QJsonValue,
 * and the number a metric gate reads from them.
 *
 * Both the plain form ("/p95_ms") and the URI fragment form ("#/p95_ms",
 * percent-encoded) are accepted; the empty pointer is the whole document.
 * Errors name the pointer prefix that failed, so a policy author sees which
 * step of a long pointer is wrong.
 */
class JsonPointer final
{
public:
    struct Resolved
    {
        QJsonValue value;
        QString error; //!< empty on success
        bool ok() const { return error.isEmpty(); }
    };

    struct Number
    {
        double value = 0;
        QString error; //!< empty on success, e.g. "/p95_ms is not a number (string "fast")"
        bool ok() const { return error.isEmpty(); }
    };

    static Resolved resolve(const QJsonValue &document, const QString &pointer);

    /*!
     * The finite number at \a pointer. A JSON number is taken as is; a string
     * holding a number ("99.5", as Prometheus writes samples) is accepted too,
     * because exporters disagree on quoting. Booleans, null, objects, arrays,
     * NaN and infinities are errors.
     */
    static Number number(const QJsonValue &document, const QString &pointer);

    /*! A short description of \a value for error messages: `string "fast"`, `object`, ... */
    static QString describe(const QJsonValue &value);

    /*! Parse \a text as one finite number (surrounding whitespace allowed). */
    static bool parseNumber(const QString &text, double *out);
};

} // namespace Promotion
