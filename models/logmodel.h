// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logbuffer.h"

#include <deque>
#include <memory>
#include <QAbstractListModel>
#include <QByteArray>
#include <QElapsedTimer>
#include <QTimer>

class QIODevice;

namespace Promotion {

/*!
 * \brief A list model over a LogBuffer that stays smooth while a tool floods its output.
 *
 * appendData() only queues the chunk. Queued bytes are parsed in time slices of at most
 * sliceBudget() milliseconds (a 0 ms timer between slices lets paints, input and the
 * process' own notifications through), and the rows that appeared are announced to views
 * at most once per flushInterval() (30 ms by default): one beginInsertRows/endInsertRows
 * for everything new, one beginRemoveRows for everything the scrollback dropped, and a
 * dataChanged for a partial last row that grew or was rewritten by a carriage return.
 *
 * Rows are the announced state: rowCount() and data() never show lines before the model
 * has told its views about them, which is what QAbstractItemModelTester checks.
 */
class LogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(qsizetype scrollbackLimit READ scrollbackLimit WRITE setScrollbackLimit)
public:
    enum Role
    {
        SpansRole = Qt::UserRole + 1, //!< Promotion::LogSpans of the row
        LineNumberRole,               //!< qint64, 1-based position in the whole stream
        PartialRole,                  //!< bool, the last line still waiting for its newline
    };

    static constexpr int DefaultFlushInterval = 30;
    static constexpr int DefaultSliceBudget = 3;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    QModelIndex index(int row, int column = 0, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    qsizetype scrollbackLimit() const { return m_buffer->scrollbackLimit(); }
    void setScrollbackLimit(qsizetype lines);
    int flushInterval() const { return m_flushInterval; }
    void setFlushInterval(int milliseconds);
    int sliceBudget() const { return m_sliceBudget; }
    void setSliceBudget(int milliseconds);
    /*! Pause between two parse slices while a backlog is worked off (0: next loop turn). */
    int sliceInterval() const { return m_sliceTimer.interval(); }
    void setSliceInterval(int milliseconds);

    /*! The 1-based stream line number of row 0. */
    qint64 firstLineNumber() const { return m_firstLine + 1; }
    /*! Lines announced so far, including those the scrollback dropped. */
    qint64 totalLineCount() const { return m_firstLine + m_rows; }
    /*! Length in UTF-16 units of the longest line announced so far (for view widths). */
    qsizetype longestLineLength() const { return m_longestLine; }
    /*! Bytes received but not parsed yet. */
    qsizetype pendingBytes() const { return m_pendingBytes; }
    /*! True while received data has not been parsed and announced yet. */
    bool isBusy() const;

    /*! Plain text of \a row ("" when out of range). */
    QString lineText(int row) const;
    /*! Rows [first, first + count) joined with '\n'. */
    QString text(int first, int count) const;
    /*!
     * The first row at or after \a from (before, when \a forward is false) containing
     * \a needle, -1 when none. No wrap-around; the view decides about wrapping.
     */
    int find(const QString &needle, int from, bool forward = true,
             Qt::CaseSensitivity cs = Qt::CaseInsensitive) const;
    /*! Write all rows as UTF-8 text, one per line. */
    bool writePlainText(QIODevice *device) const;

    /*! The underlying storage; it may be ahead of the announced rows. */
    const LogBuffer &buffer() const { return *m_buffer; }
    /*! Heap memory of the stored lines plus not yet parsed input. */
    qsizetype bytesUsed() const;

public Q_SLOTS:
    /*! Queue a chunk of raw tool output (UTF-8 with ANSI escapes, any split). */
    void appendData(const QByteArray &chunk);
    /*! Queue a line of text of our own, e.g. the command line being run. */
    void appendLine(const QString &line);
    /*! The stream ended: a last line without newline becomes a complete line. */
    void finish();
    /*! Parse everything queued and announce it now, without waiting for the timers. */
    void flush();
    void clear();

Q_SIGNALS:
    /*! Everything received so far has been parsed and announced. */
    void caughtUp();

private:
    void processSlice();
    void scheduleAnnounce();
    void announce();
    qsizetype bufferRow(int row) const;

    std::unique_ptr<LogBuffer> m_buffer;
    std::deque<QByteArray> m_pending;
    qsizetype m_pendingOffset = 0; //!< bytes of m_pending.front() already parsed
    qsizetype m_pendingBytes = 0;
    bool m_finishPending = false;

    QTimer m_sliceTimer;
    QTimer m_announceTimer;
    QElapsedTimer m_sinceAnnounce;
    int m_flushInterval = DefaultFlushInterval;
    int m_sliceBudget = DefaultSliceBudget;

    // Announced state: rows [0, m_rows) are stream lines [m_firstLine, m_firstLine + m_rows).
    qint64 m_firstLine = 0;
    int m_rows = 0;
    bool m_lastRowPartial = false;
    qsizetype m_longestLine = 0;
};

} // namespace Promotion
