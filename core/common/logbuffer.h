// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logspan.h"

#include <deque>
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <vector>

class QIODevice;

namespace Promotion {

/*!
 * \brief The lines of a tool's output as it streams in, with ANSI colours and a scrollback limit.
 *
 * Fed raw byte chunks exactly as a process delivers them: a line, a UTF-8 sequence or an
 * escape sequence may be split anywhere between two chunks. Understands "\n", "\r\n", lone
 * "\r" (progress bars: the text after it replaces the current line), tabs (expanded to
 * 8-column stops) and SGR escape sequences (colours and bold/italic/underline...); other
 * escape sequences (cursor movement, erase, OSC titles and links) and control characters are
 * dropped.
 *
 * Lines are stored in blocks of up to linesPerBlock() lines: one UTF-8 byte array holding all
 * of a block's plain text plus an array of line end offsets, and the styled runs of the
 * block's lines in one span array, so a million lines cost a handful of allocations, not a
 * million QStrings. When a block fills up, whole oldest blocks are dropped as long as at
 * least scrollbackLimit() complete lines remain, so between scrollbackLimit() and
 * scrollbackLimit() + 2 * linesPerBlock() - 1 lines are kept (blocks are at most 1/8 of
 * the limit). firstLineNumber() tells which stream line row 0 is.
 *
 * The last line may be incomplete (no newline yet, hasPartialLine()): it is already
 * visible as the last row so that "tests/test_a.py ...." style progress shows up live.
 *
 * Rows are 0-based indexes into the retained lines; line numbers are 1-based positions in
 * the whole stream. Pure QtCore, no signals: LogModel adds batching and change notification.
 */
class LogBuffer final
{
public:
    static constexpr qsizetype DefaultScrollback = 100'000;
    static constexpr qsizetype DefaultLinesPerBlock = 4096;
    //! Longer lines are broken into several rows so one endless line cannot exhaust memory.
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    /*!
     * \a linesPerBlock 0 picks a size suited to \a scrollbackLimit (at most
     * DefaultLinesPerBlock, small enough that a drop removes at most 1/8 of the scrollback).
     */
    explicit LogBuffer(qsizetype scrollbackLimit = DefaultScrollback, qsizetype linesPerBlock = 0);

    /*! Feed the next chunk of raw output (UTF-8, may contain ANSI escape sequences). */
    void append(QByteArrayView chunk);
    /*! Complete the partial last line, if any (the stream ended without a final newline). */
    void finish();
    void clear();

    /*! At least this many complete lines are kept; older ones are dropped in whole blocks. */
    qsizetype scrollbackLimit() const { return m_scrollbackLimit; }
    void setScrollbackLimit(qsizetype lines);
    qsizetype linesPerBlock() const { return m_linesPerBlock; }

    /*! Retained rows, including the partial last line when there is one. */
    qsizetype lineCount() const { return m_completeLines + (m_partialStarted ? 1 : 0); }
    bool hasPartialLine() const { return m_partialStarted; }
    /*! Lines dropped by the scrollback limit since the last clear(). */
    qint64 droppedLineCount() const { return m_droppedLines; }
    /*! The 1-based stream line number of row 0. */
    qint64 firstLineNumber() const { return m_droppedLines + 1; }
    /*! Lines seen since the last clear(), dropped ones included. */
    qint64 totalLineCount() const { return m_droppedLines + lineCount(); }

    /*! Plain text of \a row, escape sequences removed; empty when out of range. */
    QString line(qsizetype row) const;
    /*! The styled runs of \a row, ordered and non-overlapping, offsets into line(row). */
    LogSpans spans(qsizetype row) const;
    /*! Raw stored UTF-8 bytes of \a row (a view valid until the next append or clear). */
    QByteArrayView lineUtf8(qsizetype row) const;
    /*! Length in UTF-16 code units of the longest line seen since the last clear(). */
    qsizetype longestLineLength() const { return m_longestLine; }

    /*!
     * The first row at or after \a from (or at or before it, when \a forward is false) whose
     * text contains \a text; -1 when there is none. Does not wrap around.
     */
    qsizetype find(const QString &text, qsizetype from, bool forward = true,
                   Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;

    /*! Rows [first, first + count) joined with '\n' (no trailing newline). */
    QString text(qsizetype first, qsizetype count) const;
    /*! All retained rows joined with '\n'. */
    QString toPlainText() const { return text(0, lineCount()); }
    /*! Write rows [first, first + count) as UTF-8, each followed by '\n'. */
    bool write(QIODevice *device, qsizetype first = 0, qsizetype count = -1) const;

    /*! Heap memory held by the buffer (capacities, not sizes). */
    qsizetype bytesUsed() const;

private:
    struct Block
    {
        QByteArray text;               //!< UTF-8 plain text of all lines, no separators
        std::vector<quint32> lineEnds; //!< end offset in text of each complete line
        std::vector<quint32> spanEnds; //!< end index in spans of each complete line; empty
                                       //!< while no line of the block has a span
        std::vector<LogSpan> spans;    //!< line-relative offsets
        bool ascii = true;             //!< all bytes < 0x80: search can skip UTF-8 decoding

        quint32 lineStart(qsizetype k) const { return k == 0 ? 0 : lineEnds[size_t(k - 1)]; }
        quint32 lineEnd(qsizetype k) const
        {
            return size_t(k) < lineEnds.size() ? lineEnds[size_t(k)] : quint32(text.size());
        }
        quint32 spanStart(qsizetype k) const
        {
            return k == 0 || spanEnds.empty() ? 0 : spanEnds[size_t(k - 1)];
        }
        quint32 spanEnd(qsizetype k) const
        {
            if (size_t(k) < lineEnds.size())
                return spanEnds.empty() ? 0 : spanEnds[size_t(k)];
            return quint32(spans.size());
        }
        qsizetype bytesUsed() const;
    };

    enum class State : quint8
    {
        Ground,
        Escape,
        EscapeIntermediate,
        Csi,
        String,
        StringEscape
    };

    const Block *blockFor(qsizetype row, qsizetype *k) const;
    void appendText(const char *data, qsizetype size, qsizetype utf16Units, bool ascii);
    void appendSpaces(qsizetype count);
    void commitLine();
    void clearPartialLine();
    void startBlock();
    void dropExcessBlocks();
    void applySgr();
    void resetStyle() { m_style = LogSpan{}; }

    std::deque<Block> m_blocks; //!< never empty; the last one holds the partial line
    qsizetype m_scrollbackLimit;
    qsizetype m_linesPerBlock;
    qsizetype m_requestedLinesPerBlock;
    qsizetype m_completeLines = 0;
    qint64 m_droppedLines = 0;
    qsizetype m_longestLine = 0;

    // Parser state carried across chunks.
    State m_state = State::Ground;
    bool m_pendingCr = false; //!< a '\r' whose meaning depends on the next byte
    bool m_partialStarted = false;
    qsizetype m_partialUtf16 = 0; //!< length of the partial line in UTF-16 units
    LogSpan m_style;              //!< current SGR style (start/length unused)
    QByteArray m_csi;             //!< parameter and intermediate bytes of the current CSI
    bool m_csiOverflow = false;
};

} // namespace Promotion
