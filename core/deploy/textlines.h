// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Promotion {

/*!
 * \brief Text as lines that remember their own line ending, so an edit keeps
 * "\r\n" files "\r\n" and a file without a final newline without one.
 */
class TextLines final
{
public:
    struct Line
    {
        QString text; //!< without the line ending
        QString eol;  //!< "\n", "\r\n", or empty for a last line without newline
    };

    explicit TextLines(const QString &text);

    QList<Line> lines;
    /*! "\r\n" when most lines end so, else "\n"; new lines use it. */
    QString eol;

    qsizetype size() const { return lines.size(); }
    const QString &text(qsizetype i) const { return lines.at(i).text; }
    void setText(qsizetype i, const QString &text) { lines[i].text = text; }
    /*! Inserts lines before index \a at (== size() appends) with the dominant ending. */
    void insert(qsizetype at, const QStringList &texts);
    QString join() const;

    static bool isBlank(const QString &text) { return text.trimmed().isEmpty(); }
    static QString leadingWhitespace(const QString &text);
};

} // namespace Promotion
