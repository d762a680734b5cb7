// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logbuffer.h"

#include <algorithm>
#include <QIODevice>
#include <QLatin1StringView>

namespace Promotion {

namespace {

constexpr uchar Esc = 0x1b;

constexpr bool isContinuationByte(uchar b)
{
    return (b & 0xc0) == 0x80;
}

// UTF-16 code units QString::fromUtf8() produces for well-formed UTF-8: one per sequence,
// two for 4-byte sequences (surrogate pairs).
qsizetype utf16Units(const char *data, qsizetype size)
{
    qsizetype units = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const uchar b = uchar(data[i]);
        if (!isContinuationByte(b))
            units += b >= 0xf0 ? 2 : 1;
    }
    return units;
}

qsizetype autoLinesPerBlock(qsizetype scrollback)
{
    // A drop removes one whole block: keep that a small fraction of the scrollback.
    return std::clamp<qsizetype>(scrollback / 8, 1, LogBuffer::DefaultLinesPerBlock);
}

} // namespace

qsizetype LogBuffer::Block::bytesUsed() const
{
    return qsizetype(sizeof(Block)) + text.capacity() +
           qsizetype(lineEnds.capacity() * sizeof(quint32)) +
           qsizetype(spanEnds.capacity() * sizeof(quint32)) +
           qsizetype(spans.capacity() * sizeof(LogSpan));
}

LogBuffer::LogBuffer(qsizetype scrollbackLimit, qsizetype linesPerBlock)
    : m_scrollbackLimit(std::max<qsizetype>(1, scrollbackLimit))
    , m_linesPerBlock(linesPerBlock > 0 ? linesPerBlock : autoLinesPerBlock(m_scrollbackLimit))
    , m_requestedLinesPerBlock(linesPerBlock)
{
    m_csi.reserve(64);
    startBlock();
}

void LogBuffer::setScrollbackLimit(qsizetype lines)
{
    m_scrollbackLimit = std::max<qsizetype>(1, lines);
    // Row-to-block arithmetic needs equally sized blocks, so the size may only change while
    // nothing is stored.
    if (m_requestedLinesPerBlock <= 0 && m_completeLines == 0 && m_blocks.size() == 1 &&
        m_blocks.back().text.isEmpty()) {
        m_linesPerBlock = autoLinesPerBlock(m_scrollbackLimit);
        m_blocks.back().lineEnds.reserve(size_t(m_linesPerBlock));
    }
    dropExcessBlocks();
}

void LogBuffer::clear()
{
    m_blocks.clear();
    m_completeLines = 0;
    m_droppedLines = 0;
    m_longestLine = 0;
    m_state = State::Ground;
    m_pendingCr = false;
    m_partialStarted = false;
    m_partialUtf16 = 0;
    resetStyle();
    m_csi.clear();
    m_csiOverflow = false;
    if (m_requestedLinesPerBlock <= 0)
        m_linesPerBlock = autoLinesPerBlock(m_scrollbackLimit);
    startBlock();
}

void LogBuffer::finish()
{
    m_pendingCr = false;
    if (m_partialStarted)
        commitLine();
    m_state = State::Ground;
    m_csi.clear();
    m_csiOverflow = false;
    resetStyle();
}

void LogBuffer::append(QByteArrayView chunk)
{
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        const uchar c = uchar(*p);
        if (m_pendingCr) {
            // Only the next byte tells a CRLF from a progress-bar carriage return.
            if (c == '\n') {
                m_pendingCr = false;
                commitLine();
                ++p;
                continue;
            }
            if (c == '\r') {
                ++p;
                continue;
            }
            m_pendingCr = false;
            clearPartialLine();
        }

        switch (m_state) {
        case State::Ground:
            if (c >= 0x20 && c != 0x7f) {
                // Fast path: a run of printable bytes up to the next control character.
                const char *q = p;
                bool ascii = true;
                qsizetype units = 0;
                while (q < end) {
                    const uchar b = uchar(*q);
                    if (b < 0x80) {
                        if (b < 0x20 || b == 0x7f)
                            break;
                        ++units;
                    } else {
                        ascii = false;
                        if (!isContinuationByte(b))
                            units += b >= 0xf0 ? 2 : 1;
                    }
                    ++q;
                }
                appendText(p, q - p, units, ascii);
                p = q;
                continue;
            }
            ++p;
            switch (c) {
            case '\n':
                commitLine();
                break;
            case '\r':
                m_pendingCr = true;
                break;
            case '\t':
                appendSpaces(8 - m_partialUtf16 % 8);
                break;
            case Esc:
                m_state = State::Escape;
                break;
            default:
                break; // BEL, BS, NUL, DEL...: nothing sensible to show
            }
            break;

        case State::Escape:
            if (c < 0x20 && c != Esc) {
                m_state = State::Ground; // broken sequence: let the control act normally
                continue;
            }
            ++p;
            if (c == '[') {
                m_state = State::Csi;
                m_csi.clear();
                m_csiOverflow = false;
            } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
                m_state = State::String; // OSC, DCS, SOS, PM, APC
            } else if (c >= 0x20 && c <= 0x2f) {
                m_state = State::EscapeIntermediate; // e.g. ESC ( B
            } else if (c != Esc) {
                m_state = State::Ground; // two-byte sequence such as ESC 7 or ESC =
            }
            break;

        case State::EscapeIntermediate:
            if (c < 0x20 && c != Esc) {
                m_state = State::Ground;
                continue;
            }
            ++p;
            if (c == Esc)
                m_state = State::Escape;
            else if (c < 0x20 || c > 0x2f)
                m_state = State::Ground;
            break;

        case State::Csi:
            if (c < 0x20 && c != Esc) {
                m_state = State::Ground; // a newline must never be swallowed
                continue;
            }
            ++p;
            if (c >= 0x20 && c <= 0x3f) {
                if (m_csi.size() < 64)
                    m_csi.append(char(c));
                else
                    m_csiOverflow = true;
            } else if (c >= 0x40 && c <= 0x7e) {
                if (c == 'm' && !m_csiOverflow)
                    applySgr();
                m_state = State::Ground;
            } else if (c == Esc) {
                m_state = State::Escape;
            } else {
                m_state = State::Ground;
            }
            break;

        case State::String:
            if (c == '\n') {
                m_state = State::Ground; // unterminated OSC: do not eat the rest of the log
                continue;
            }
            ++p;
            if (c == 0x07)
                m_state = State::Ground;
            else if (c == Esc)
                m_state = State::StringEscape;
            break;

        case State::StringEscape:
            if (c == '\\') {
                ++p;
                m_state = State::Ground;
            } else {
                m_state = State::Escape; // ESC + anything else starts a new sequence
            }
            break;
        }
    }
}

void LogBuffer::appendText(const char *data, qsizetype size, qsizetype utf16, bool ascii)
{
    while (size > 0) {
        Block *b = &m_blocks.back();
        const qsizetype lineBytes = b->text.size() - b->lineStart(qsizetype(b->lineEnds.size()));
        const qsizetype room = MaxLineBytes - lineBytes;
        if (room <= 0) {
            commitLine();
            continue;
        }
        qsizetype take = size;
        qsizetype takeUnits = utf16;
        if (size > room) {
            take = room;
            while (take > 0 && isContinuationByte(uchar(data[take])))
                --take; // never split a UTF-8 sequence
            if (take == 0)
                take = room;
            takeUnits = ascii ? take : utf16Units(data, take);
        }

        b->text.append(data, take);
        if (!ascii)
            b->ascii = false;
        // Bytes that are not yet whole UTF-8 (a sequence cut by the chunk) count no units:
        // they get no span, never one of length 0.
        if (m_style.hasStyle() && takeUnits > 0) {
            const size_t firstSpan = b->spanStart(qsizetype(b->lineEnds.size()));
            if (b->spans.size() > firstSpan && b->spans.back().sameStyle(m_style) &&
                b->spans.back().end() == m_partialUtf16) {
                b->spans.back().length += qint32(takeUnits);
            } else {
                LogSpan span = m_style;
                span.start = qint32(m_partialUtf16);
                span.length = qint32(takeUnits);
                b->spans.push_back(span);
            }
        }
        m_partialUtf16 += takeUnits;
        m_partialStarted = true;
        m_longestLine = std::max(m_longestLine, m_partialUtf16);

        data += take;
        size -= take;
        utf16 -= takeUnits;
        if (size > 0)
            commitLine(); // the line reached MaxLineBytes: continue on the next row
    }
}

void LogBuffer::appendSpaces(qsizetype count)
{
    static constexpr char spaces[] = "        ";
    appendText(spaces, std::min<qsizetype>(count, 8), std::min<qsizetype>(count, 8), true);
}

void LogBuffer::commitLine()
{
    Block &b = m_blocks.back();
    const size_t k = b.lineEnds.size();
    if (!b.spans.empty() || !b.spanEnds.empty()) {
        if (b.spanEnds.empty()) {
            // First styled line of this block: earlier lines had no spans.
            b.spanEnds.reserve(size_t(m_linesPerBlock));
            b.spanEnds.assign(k, 0);
        }
        b.spanEnds.push_back(quint32(b.spans.size()));
    }
    b.lineEnds.push_back(quint32(b.text.size()));
    ++m_completeLines;
    m_partialUtf16 = 0;
    m_partialStarted = false;

    if (qsizetype(b.lineEnds.size()) >= m_linesPerBlock) {
        // The block is final: give back the growth slack before starting the next one.
        b.text.squeeze();
        b.spans.shrink_to_fit();
        startBlock();
        dropExcessBlocks();
    }
}

void LogBuffer::clearPartialLine()
{
    Block &b = m_blocks.back();
    const qsizetype k = qsizetype(b.lineEnds.size());
    b.text.truncate(b.lineStart(k));
    b.spans.resize(b.spanStart(k));
    m_partialUtf16 = 0;
}

void LogBuffer::startBlock()
{
    qsizetype estimate = 0;
    if (!m_blocks.empty())
        estimate = m_blocks.back().text.size() + m_blocks.back().text.size() / 8;
    m_blocks.emplace_back();
    Block &b = m_blocks.back();
    b.lineEnds.reserve(size_t(m_linesPerBlock));
    if (estimate > 0)
        b.text.reserve(std::min(estimate, m_linesPerBlock * MaxLineBytes));
}

void LogBuffer::dropExcessBlocks()
{
    while (m_blocks.size() > 1) {
        const qsizetype frontLines = qsizetype(m_blocks.front().lineEnds.size());
        if (m_completeLines - frontLines < m_scrollbackLimit)
            break;
        m_completeLines -= frontLines;
        m_droppedLines += frontLines;
        m_blocks.pop_front();
    }
}

void LogBuffer::applySgr()
{
    // Parameters separated by ';' (or ':' for the ITU sub-parameter form of 38/48).
    constexpr int MaxParams = 32;
    int params[MaxParams];
    bool colon[MaxParams]; // parameter i was introduced by ':'
    int count = 0;
    int current = -1;
    bool nextIsColon = false;
    for (const char ch : std::as_const(m_csi)) {
        if (ch >= '0' && ch <= '9') {
            current = std::min((current < 0 ? 0 : current) * 10 + (ch - '0'), 65535);
        } else if (ch == ';' || ch == ':') {
            if (count < MaxParams) {
                params[count] = std::max(current, 0);
                colon[count++] = nextIsColon;
            }
            current = -1;
            nextIsColon = ch == ':';
        } else {
            return; // private marker ("?", ">"...) or intermediate byte: not plain SGR
        }
    }
    if (count < MaxParams) {
        params[count] = std::max(current, 0);
        colon[count++] = nextIsColon;
    }

    auto extendedColor = [&](int &i, LogColor *target) {
        // 38;5;n  38;2;r;g;b  38:5:n  38:2::r:g:b  38:2:r:g:b
        if (i + 1 >= count)
            return false;
        const bool subForm = colon[i + 1];
        int last = i + 1;
        if (subForm) {
            while (last + 1 < count && colon[last + 1])
                ++last;
        }
        const int mode = params[i + 1];
        if (mode == 5) {
            if (i + 2 >= count)
                return false;
            *target = LogColor::indexed(params[i + 2]);
            i = subForm ? last : i + 2;
            return true;
        }
        if (mode == 2) {
            int first = i + 2;
            if (subForm && last - (i + 1) >= 4)
                first = last - 2; // skip the colour-space id
            if (first + 2 >= count)
                return false;
            *target = LogColor::rgb(params[first], params[first + 1], params[first + 2]);
            i = subForm ? last : first + 2;
            return true;
        }
        return false;
    };

    for (int i = 0; i < count; ++i) {
        const int v = params[i];
        if (v == 0) {
            resetStyle();
        } else if (v == 1) {
            m_style.flags |= LogSpan::Bold;
        } else if (v == 2) {
            m_style.flags |= LogSpan::Faint;
        } else if (v == 3) {
            m_style.flags |= LogSpan::Italic;
        } else if (v == 4) {
            m_style.flags |= LogSpan::Underline;
        } else if (v == 7) {
            m_style.flags |= LogSpan::Inverse;
        } else if (v == 22) {
            m_style.flags &= ~(LogSpan::Bold | LogSpan::Faint);
        } else if (v == 23) {
            m_style.flags &= ~LogSpan::Italic;
        } else if (v == 24) {
            m_style.flags &= ~LogSpan::Underline;
        } else if (v == 27) {
            m_style.flags &= ~LogSpan::Inverse;
        } else if (v >= 30 && v <= 37) {
            m_style.foreground = LogColor::indexed(v - 30);
        } else if (v == 38) {
            if (!extendedColor(i, &m_style.foreground))
                return; // malformed: the rest cannot be interpreted reliably
        } else if (v == 39) {
            m_style.foreground = LogColor();
        } else if (v >= 40 && v <= 47) {
            m_style.background = LogColor::indexed(v - 40);
        } else if (v == 48) {
            if (!extendedColor(i, &m_style.background))
                return;
        } else if (v == 49) {
            m_style.background = LogColor();
        } else if (v >= 90 && v <= 97) {
            m_style.foreground = LogColor::indexed(v - 90 + 8);
        } else if (v >= 100 && v <= 107) {
            m_style.background = LogColor::indexed(v - 100 + 8);
        }
        // Anything else (blink, fonts, overline...) is ignored.
    }
}

const LogBuffer::Block *LogBuffer::blockFor(qsizetype row, qsizetype *k) const
{
    if (row < 0 || row >= lineCount())
        return nullptr;
    // Every block but the last holds exactly m_linesPerBlock lines; the partial line lives
    // in the last block, which always has room for it.
    const qsizetype index = row / m_linesPerBlock;
    *k = row % m_linesPerBlock;
    return &m_blocks[size_t(index)];
}

QByteArrayView LogBuffer::lineUtf8(qsizetype row) const
{
    qsizetype k = 0;
    const Block *b = blockFor(row, &k);
    if (!b)
        return {};
    const quint32 start = b->lineStart(k);
    return QByteArrayView(b->text.constData() + start, qsizetype(b->lineEnd(k) - start));
}

QString LogBuffer::line(qsizetype row) const
{
    return QString::fromUtf8(lineUtf8(row));
}

LogSpans LogBuffer::spans(qsizetype row) const
{
    qsizetype k = 0;
    const Block *b = blockFor(row, &k);
    if (!b)
        return {};
    const quint32 first = b->spanStart(k);
    const quint32 last = b->spanEnd(k);
    if (first >= last)
        return {};
    return LogSpans(b->spans.begin() + first, b->spans.begin() + last);
}

qsizetype LogBuffer::find(const QString &text, qsizetype from, bool forward,
                          Qt::CaseSensitivity cs) const
{
    const qsizetype n = lineCount();
    if (text.isEmpty() || n == 0)
        return -1;
    if (forward) {
        from = std::max<qsizetype>(from, 0);
        if (from >= n)
            return -1;
    } else {
        from = std::min(from, n - 1);
        if (from < 0)
            return -1;
    }

    // ASCII blocks are searched in place through a Latin-1 view: no decoding, no allocation.
    // A needle that is itself Latin-1 is searched as such, which is the fastest pairing.
    const bool latinNeedle =
        std::all_of(text.cbegin(), text.cend(), [](QChar ch) { return ch.unicode() < 0x80; });
    const QByteArray latin = latinNeedle ? text.toLatin1() : QByteArray();
    const QLatin1StringView latinView(latin);

    const qsizetype step = forward ? 1 : -1;
    for (qsizetype row = from; row >= 0 && row < n; row += step) {
        qsizetype k = 0;
        const Block *b = blockFor(row, &k);
        const quint32 start = b->lineStart(k);
        const qsizetype len = qsizetype(b->lineEnd(k) - start);
        const char *data = b->text.constData() + start;
        if (b->ascii) {
            if (len < text.size())
                continue;
            const QLatin1StringView hay(data, len);
            if (latinNeedle ? hay.indexOf(latinView, 0, cs) >= 0
                            : hay.indexOf(QStringView(text), 0, cs) >= 0)
                return row;
        } else if (QString::fromUtf8(data, len).contains(text, cs)) {
            return row;
        }
    }
    return -1;
}

QString LogBuffer::text(qsizetype first, qsizetype count) const
{
    const qsizetype n = lineCount();
    first = std::clamp<qsizetype>(first, 0, n);
    const qsizetype last = count < 0 ? n : std::min(n, first + count);
    QByteArray utf8;
    qsizetype bytes = 0;
    for (qsizetype row = first; row < last; ++row)
        bytes += lineUtf8(row).size() + 1;
    utf8.reserve(bytes);
    for (qsizetype row = first; row < last; ++row) {
        if (row > first)
            utf8.append('\n');
        utf8.append(lineUtf8(row));
    }
    return QString::fromUtf8(utf8);
}

bool LogBuffer::write(QIODevice *device, qsizetype first, qsizetype count) const
{
    if (!device)
        return false;
    const qsizetype n = lineCount();
    first = std::clamp<qsizetype>(first, 0, n);
    const qsizetype last = count < 0 ? n : std::min(n, first + count);
    // One write per block-sized batch keeps a 100k-line save to a few dozen system calls.
    QByteArray batch;
    batch.reserve(256 * 1024);
    for (qsizetype row = first; row < last; ++row) {
        batch.append(lineUtf8(row));
        batch.append('\n');
        if (batch.size() >= 256 * 1024 || row + 1 == last) {
            if (device->write(batch) != batch.size())
                return false;
            batch.resize(0);
        }
    }
    return true;
}

qsizetype LogBuffer::bytesUsed() const
{
    qsizetype total = qsizetype(sizeof(LogBuffer)) + m_csi.capacity();
    for (const Block &b : m_blocks)
        total += b.bytesUsed();
    return total;
}

} // namespace Promotion
