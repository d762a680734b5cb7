// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QString>
#include <utility>

namespace Promotion {

/*!
 * \brief The outcome of parsing one tool output: a value, or an error that says where the
 * input went wrong (line/column for text and XML, the field path for JSON).
 *
 * Exactly one of value and error is set. Parsers never throw and never crash on bad input;
 * they return a failure instead.
 */
template <typename T> struct ParseResult
{
    std::optional<T> value;
    QString error; //!< empty on success

    explicit operator bool() const { return value.has_value(); }
    const T &operator*() const { return *value; }
    T &operator*() { return *value; }
    const T *operator->() const { return &*value; }
    T *operator->() { return &*value; }

    static ParseResult success(T v) { return ParseResult{std::optional<T>(std::move(v)), {}}; }
    static ParseResult failure(QString message)
    {
        return ParseResult{std::nullopt, std::move(message)};
    }
};

/*! \brief Limits shared by every parser, so a runaway tool cannot exhaust memory. */
struct ParserLimits
{
    //! Inputs above this size are refused before parsing (a real report is far smaller).
    static constexpr qsizetype maxInputBytes = qsizetype(256) * 1024 * 1024;
    //! Failure details (stack traces, captured output) are cut to this many characters.
    static constexpr qsizetype maxDetailChars = qsizetype(64) * 1024;
};

} // namespace Promotion
