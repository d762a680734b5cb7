// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include "ansipalette.h"

#include <algorithm>
#include <climits>
#include <QGuiApplication>
#include <QPalette>

namespace Promotion {

namespace {

// Parse in pieces this small so the time budget is checked often enough.
constexpr qsizetype SliceChunk = 16 * 1024;
// Rows are ints in Qt's models.
constexpr qsizetype MaxScrollback = 50'000'000;

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_buffer(std::make_unique<LogBuffer>())
{
    // Named so that event traces (bench_logview --trace) say which timer ran.
    m_sliceTimer.setObjectName(QStringLiteral("logModelSliceTimer"));
    m_announceTimer.setObjectName(QStringLiteral("logModelAnnounceTimer"));
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &LogModel::processSlice);
    m_announceTimer.setSingleShot(true);
    m_announceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_announceTimer, &QTimer::timeout, this, &LogModel::announce);
    m_sinceAnnounce.start();
}

LogModel::~LogModel() = default;

QModelIndex LogModel::index(int row, int column, const QModelIndex &parent) const
{
    // QListView calls this for every row on every relayout (100k rows every 30 ms while a
    // tool floods): skip the generic hasIndex() with its two virtual calls.
    if (row < 0 || row >= m_rows || column != 0 || parent.isValid())
        return {};
    return createIndex(row, 0);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

qsizetype LogModel::bufferRow(int row) const
{
    // Between two announcements the buffer may have dropped lines the views still show.
    return qsizetype(row) + qsizetype(m_firstLine - m_buffer->droppedLineCount());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype row = bufferRow(index.row());
    if (row < 0 || row >= m_buffer->lineCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return m_buffer->line(row);
    case SpansRole:
        return QVariant::fromValue(m_buffer->spans(row));
    case LineNumberRole:
        return m_firstLine + index.row() + 1;
    case PartialRole:
        return m_buffer->hasPartialLine() && row == m_buffer->lineCount() - 1;
    case Qt::ForegroundRole: {
        // Cheap approximation for plain views: the colour the line starts with.
        const LogSpans spans = m_buffer->spans(row);
        if (spans.isEmpty() || spans.first().start != 0 || spans.first().foreground.isDefault())
            return {};
        const bool dark = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) &&
                          AnsiPalette::isDark(QGuiApplication::palette().color(QPalette::Base));
        return AnsiPalette::color(spans.first().foreground, dark);
    }
    default:
        return {};
    }
}

Qt::ItemFlags LogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SpansRole, QByteArrayLiteral("spans"));
    names.insert(LineNumberRole, QByteArrayLiteral("lineNumber"));
    names.insert(PartialRole, QByteArrayLiteral("partial"));
    return names;
}

void LogModel::setScrollbackLimit(qsizetype lines)
{
    m_buffer->setScrollbackLimit(std::clamp<qsizetype>(lines, 1, MaxScrollback));
    scheduleAnnounce();
}

void LogModel::setFlushInterval(int milliseconds)
{
    m_flushInterval = std::max(0, milliseconds);
}

void LogModel::setSliceInterval(int milliseconds)
{
    m_sliceTimer.setInterval(std::max(0, milliseconds));
}

void LogModel::setSliceBudget(int milliseconds)
{
    m_sliceBudget = std::max(1, milliseconds);
}

bool LogModel::isBusy() const
{
    return m_pendingBytes > 0 || m_finishPending || m_announceTimer.isActive() ||
           m_buffer->droppedLineCount() != m_firstLine || m_buffer->lineCount() != m_rows;
}

QString LogModel::lineText(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return m_buffer->line(bufferRow(row));
}

QString LogModel::text(int first, int count) const
{
    first = std::clamp(first, 0, m_rows);
    count = std::clamp(count, 0, m_rows - first);
    // Rows the buffer already dropped (between announcements) have no text left.
    const qsizetype start = bufferRow(first);
    const qsizetype skipped = start < 0 ? -start : 0;
    if (count - skipped <= 0)
        return {};
    return m_buffer->text(start + skipped, count - skipped);
}

int LogModel::find(const QString &needle, int from, bool forward, Qt::CaseSensitivity cs) const
{
    if (m_rows == 0)
        return -1;
    const qsizetype offset = bufferRow(0); // may be negative between announcements
    const qsizetype lo = std::max<qsizetype>(0, offset) - offset; // first row still stored
    const qsizetype hi = m_rows - 1;                              // announced rows only
    qsizetype start = from;
    if (forward) {
        start = std::max(start, lo);
        if (start > hi)
            return -1;
    } else {
        start = std::min(start, hi);
        if (start < lo)
            return -1;
    }
    const qsizetype hit = m_buffer->find(needle, start + offset, forward, cs);
    if (hit < 0)
        return -1;
    const qsizetype row = hit - offset;
    return row >= lo && row <= hi ? int(row) : -1;
}

bool LogModel::writePlainText(QIODevice *device) const
{
    return m_buffer->write(device);
}

qsizetype LogModel::bytesUsed() const
{
    qsizetype pending = 0;
    for (const QByteArray &chunk : m_pending)
        pending += chunk.capacity();
    return m_buffer->bytesUsed() + pending;
}

void LogModel::appendData(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    m_pending.push_back(chunk);
    m_pendingBytes += chunk.size();
    if (!m_sliceTimer.isActive())
        m_sliceTimer.start();
}

void LogModel::appendLine(const QString &line)
{
    appendData(line.toUtf8() + '\n');
}

void LogModel::finish()
{
    m_finishPending = true;
    if (!m_sliceTimer.isActive())
        m_sliceTimer.start();
}

void LogModel::processSlice()
{
    QElapsedTimer clock;
    clock.start();
    const qint64 budget = qint64(m_sliceBudget) * 1'000'000;
    bool parsed = false;
    while (!m_pending.empty()) {
        const QByteArray &front = m_pending.front();
        const qsizetype size = std::min(front.size() - m_pendingOffset, SliceChunk);
        m_buffer->append(QByteArrayView(front).sliced(m_pendingOffset, size));
        parsed = true;
        m_pendingOffset += size;
        m_pendingBytes -= size;
        if (m_pendingOffset >= front.size()) {
            m_pending.pop_front();
            m_pendingOffset = 0;
        }
        if (clock.nsecsElapsed() >= budget)
            break;
    }
    if (m_pending.empty() && m_finishPending) {
        m_buffer->finish();
        m_finishPending = false;
        parsed = true;
    }
    if (!m_pending.empty())
        m_sliceTimer.start(); // let the event loop breathe, then continue
    if (parsed)
        scheduleAnnounce();
}

void LogModel::scheduleAnnounce()
{
    if (m_announceTimer.isActive())
        return;
    const qint64 wait = qint64(m_flushInterval) - m_sinceAnnounce.elapsed();
    m_announceTimer.start(int(std::clamp<qint64>(wait, 0, m_flushInterval)));
}

void LogModel::flush()
{
    m_sliceTimer.stop();
    while (!m_pending.empty()) {
        const QByteArray &front = m_pending.front();
        m_buffer->append(QByteArrayView(front).sliced(m_pendingOffset));
        m_pending.pop_front();
        m_pendingOffset = 0;
    }
    m_pendingBytes = 0;
    if (m_finishPending) {
        m_buffer->finish();
        m_finishPending = false;
    }
    announce();
}

void LogModel::announce()
{
    m_announceTimer.stop();
    m_sinceAnnounce.restart();

    const qint64 dropped = m_buffer->droppedLineCount();
    if (dropped > m_firstLine) {
        const qint64 gone = std::min<qint64>(dropped - m_firstLine, m_rows);
        if (gone > 0) {
            beginRemoveRows({}, 0, int(gone - 1));
            m_rows -= int(gone);
            m_firstLine = dropped;
            endRemoveRows();
        } else {
            m_firstLine = dropped;
        }
        if (m_rows == 0)
            m_lastRowPartial = false;
    }

    // A partial last row may have grown, been completed or been rewritten by '\r'.
    if (m_lastRowPartial && m_rows > 0) {
        const QModelIndex last = index(m_rows - 1);
        Q_EMIT dataChanged(last, last, {Qt::DisplayRole, SpansRole, PartialRole});
    }

    const qsizetype available = std::min<qsizetype>(m_buffer->lineCount(), INT_MAX);
    if (available > m_rows) {
        beginInsertRows({}, m_rows, int(available - 1));
        m_rows = int(available);
        endInsertRows();
    }
    m_lastRowPartial = m_buffer->hasPartialLine();
    m_longestLine = m_buffer->longestLineLength();

    if (m_pendingBytes == 0 && !m_finishPending)
        Q_EMIT caughtUp();
}

void LogModel::clear()
{
    beginResetModel();
    m_sliceTimer.stop();
    m_announceTimer.stop();
    m_pending.clear();
    m_pendingOffset = 0;
    m_pendingBytes = 0;
    m_finishPending = false;
    m_buffer->clear();
    m_firstLine = 0;
    m_rows = 0;
    m_lastRowPartial = false;
    m_longestLine = 0;
    endResetModel();
}

} // namespace Promotion
