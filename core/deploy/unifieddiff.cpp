// SPDX-License-Identifier: GPL-3.0-or-later
#include "unifieddiff.h"

#include <algorithm>
#include <QList>
#include <vector>

namespace Promotion {

namespace {

// Beyond this many differing lines the saved frontiers (about D^2 entries)
// would cost too much memory; the caller falls back to a whole replacement.
constexpr qsizetype kMaxEditDistance = 2000;

// Lines keep their '\n', so "x" at the end of a file differs from "x\n".
QList<QByteArray> splitLines(const QByteArray &data)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size() - 1;
        lines.append(data.mid(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

enum class Op
{
    Equal,
    Delete,
    Insert
};

struct Edit
{
    Op op;
    qsizetype a; //!< index in a (Equal/Delete)
    qsizetype b; //!< index in b (Equal/Insert)
};

// Myers' greedy algorithm on a[aLo, aHi) and b[bLo, bHi); appends the edit
// script in order. Returns false when the distance exceeds the limit.
bool myers(const QList<QByteArray> &a, qsizetype aLo, qsizetype aHi, const QList<QByteArray> &b,
           qsizetype bLo, qsizetype bHi, std::vector<Edit> &out)
{
    const qsizetype n = aHi - aLo;
    const qsizetype m = bHi - bLo;
    const qsizetype max = std::min<qsizetype>(n + m, kMaxEditDistance);
    const qsizetype offset = max + 1;
    std::vector<qsizetype> v(2 * max + 3, 0);
    std::vector<std::vector<qsizetype>> trace;

    qsizetype found = -1;
    for (qsizetype d = 0; d <= max; ++d) {
        // Keep only the diagonals step d reads: -(d-1) .. d-1.
        if (d == 0)
            trace.emplace_back();
        else
            trace.emplace_back(v.begin() + (offset - (d - 1)), v.begin() + (offset + d));
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x;
            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                x = v[offset + k + 1];
            else
                x = v[offset + k - 1] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && a.at(aLo + x) == b.at(bLo + y)) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found >= 0)
            break;
    }
    if (found < 0)
        return false;

    // Walk back from (n, m) through the saved frontiers.
    std::vector<Edit> reversed;
    qsizetype x = n;
    qsizetype y = m;
    for (qsizetype d = found; d > 0; --d) {
        const std::vector<qsizetype> &vd = trace[size_t(d)];
        auto frontier = [&vd, d](qsizetype diagonal) { return vd[size_t(diagonal + d - 1)]; };
        const qsizetype k = x - y;
        qsizetype prevK;
        if (k == -d || (k != d && frontier(k - 1) < frontier(k + 1)))
            prevK = k + 1;
        else
            prevK = k - 1;
        const qsizetype prevX = frontier(prevK);
        const qsizetype prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            reversed.push_back({Op::Equal, aLo + x, bLo + y});
        }
        if (x == prevX)
            reversed.push_back({Op::Insert, aLo + x, bLo + y - 1});
        else
            reversed.push_back({Op::Delete, aLo + x - 1, bLo + y});
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        reversed.push_back({Op::Equal, aLo + x, bLo + y});
    }
    out.insert(out.end(), reversed.rbegin(), reversed.rend());
    return true;
}

std::vector<Edit> editScript(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    std::vector<Edit> edits;
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head)) {
        edits.push_back({Op::Equal, head, head});
        ++head;
    }
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;

    const qsizetype aEnd = a.size() - tail;
    const qsizetype bEnd = b.size() - tail;
    if (!myers(a, head, aEnd, b, head, bEnd, edits)) {
        for (qsizetype i = head; i < aEnd; ++i)
            edits.push_back({Op::Delete, i, head});
        for (qsizetype j = head; j < bEnd; ++j)
            edits.push_back({Op::Insert, aEnd, j});
    }
    for (qsizetype t = 0; t < tail; ++t)
        edits.push_back({Op::Equal, aEnd + t, bEnd + t});

    // Within each run of changes, deletions first, as diff(1) prints them.
    for (size_t i = 0; i < edits.size();) {
        if (edits[i].op == Op::Equal) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < edits.size() && edits[j].op != Op::Equal)
            ++j;
        // The run's first edit sits at the run's start in both files.
        qsizetype posA = edits[i].a;
        qsizetype posB = edits[i].b;
        std::stable_partition(edits.begin() + qsizetype(i), edits.begin() + qsizetype(j),
                              [](const Edit &e) { return e.op == Op::Delete; });
        const qsizetype runStartB = posB;
        for (size_t e = i; e < j; ++e) {
            if (edits[e].op == Op::Delete) {
                edits[e].a = posA++;
                edits[e].b = runStartB;
            } else {
                edits[e].a = posA;
                edits[e].b = posB++;
            }
        }
        i = j;
    }
    return edits;
}

QString header(const QString &prefix, const QString &path)
{
    if (path.isEmpty() || path == QLatin1String("/dev/null"))
        return QStringLiteral("/dev/null");
    return prefix + path;
}

QString range(qsizetype start, qsizetype count)
{
    // An empty range names the line before it (0 at the top of the file).
    if (count == 0)
        return QStringLiteral("%1,0").arg(start);
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

// Bytes first, text once at the end: converting line by line would drop a
// UTF-8 byte order mark at the start of the first line and break the patch.
void appendLine(QByteArray &out, char sign, const QByteArray &line)
{
    out += sign;
    out += line;
    if (!line.endsWith('\n'))
        out += "\n\\ No newline at end of file\n";
}

} // namespace

QString UnifiedDiff::diff(const QString &pathA, const QString &pathB, const QByteArray &a,
                          const QByteArray &b, int context)
{
    if (a == b)
        return QString();
    context = std::max(context, 0);
    const QList<QByteArray> linesA = splitLines(a);
    const QList<QByteArray> linesB = splitLines(b);
    const std::vector<Edit> edits = editScript(linesA, linesB);

    QByteArray out = "--- " + header(QStringLiteral("a/"), pathA).toUtf8() + '\n' + "+++ " +
                     header(QStringLiteral("b/"), pathB).toUtf8() + '\n';

    const qsizetype total = qsizetype(edits.size());
    qsizetype i = 0;
    while (i < total) {
        // Find the next change, then extend the hunk while the gap between
        // changes is at most 2 * context equal lines.
        while (i < total && edits[size_t(i)].op == Op::Equal)
            ++i;
        if (i >= total)
            break;
        const qsizetype first = std::max<qsizetype>(0, i - context);
        qsizetype last = i; // last change index in this hunk
        qsizetype j = i;
        while (j < total) {
            if (edits[size_t(j)].op != Op::Equal) {
                last = j;
                ++j;
                continue;
            }
            qsizetype k = j;
            while (k < total && edits[size_t(k)].op == Op::Equal)
                ++k;
            if (k >= total || k - j > 2 * context)
                break;
            j = k;
        }
        const qsizetype end = std::min(total, last + 1 + context);

        // Hunk ranges: where the hunk starts in a and b, and how many lines each side has.
        const qsizetype startA = edits[size_t(first)].a;
        const qsizetype startB = edits[size_t(first)].b;
        qsizetype countA = 0;
        qsizetype countB = 0;
        for (qsizetype e = first; e < end; ++e) {
            const Op op = edits[size_t(e)].op;
            if (op != Op::Insert)
                ++countA;
            if (op != Op::Delete)
                ++countB;
        }
        out += "@@ -" + range(startA, countA).toUtf8() + " +" + range(startB, countB).toUtf8() +
               " @@\n";
        for (qsizetype e = first; e < end; ++e) {
            const Edit &edit = edits[size_t(e)];
            switch (edit.op) {
            case Op::Equal:
                appendLine(out, ' ', linesA.at(edit.a));
                break;
            case Op::Delete:
                appendLine(out, '-', linesA.at(edit.a));
                break;
            case Op::Insert:
                appendLine(out, '+', linesB.at(edit.b));
                break;
            }
        }
        i = end;
    }
    return QString::fromUtf8(out);
}

} // namespace Promotion
