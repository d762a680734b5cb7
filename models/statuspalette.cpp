// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspalette.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Promotion {

namespace {
QPixmap badge(StatusPalette::Tone tone, int size)
{
    using Tone = StatusPalette::Tone;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = StatusPalette::color(tone);
    const qreal s = size;
    const QRectF circle(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    if (tone == Tone::Neutral) {
        // Hollow: nothing has happened yet.
        p.setPen(QPen(c, s * 0.1));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(circle.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05));
        return pixmap;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(circle);
    QPen glyph(Qt::white, s * 0.13, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(glyph);
    p.setBrush(Qt::NoBrush);
    switch (tone) {
    case Tone::Good: {
        QPainterPath path;
        path.moveTo(s * 0.28, s * 0.52);
        path.lineTo(s * 0.44, s * 0.68);
        path.lineTo(s * 0.72, s * 0.34);
        p.drawPath(path);
        break;
    }
    case Tone::Bad:
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case Tone::Warning:
        p.drawLine(QPointF(s * 0.5, s * 0.26), QPointF(s * 0.5, s * 0.56));
        p.drawPoint(QPointF(s * 0.5, s * 0.74));
        break;
    case Tone::Muted:
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
        break;
    case Tone::Running:
        // Three dots: in progress.
        for (qreal x : {0.3, 0.5, 0.7})
            p.drawPoint(QPointF(s * x, s * 0.5));
        break;
    case Tone::Neutral:
        break;
    }
    return pixmap;
}
} // namespace

StatusPalette::Tone StatusPalette::toneOf(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return Tone::Neutral;
    case StepStatus::Running:
        return Tone::Running;
    case StepStatus::Passed:
        return Tone::Good;
    case StepStatus::Failed:
        return Tone::Bad;
    case StepStatus::Skipped:
        return Tone::Muted;
    }
    return Tone::Neutral;
}

StatusPalette::Tone StatusPalette::toneOf(GateStatus status)
{
    switch (status) {
    case GateStatus::Pending:
        return Tone::Neutral;
    case GateStatus::Running:
        return Tone::Running;
    case GateStatus::Passed:
        return Tone::Good;
    case GateStatus::Failed:
    case GateStatus::Error:
        return Tone::Bad;
    case GateStatus::Skipped:
        return Tone::Muted;
    case GateStatus::NeedsAttestation:
    case GateStatus::Cancelled:
        return Tone::Warning;
    }
    return Tone::Neutral;
}

QColor StatusPalette::color(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return QColor(0x8a, 0x8f, 0x98);
    case Tone::Running:
        return QColor(0x1f, 0x6f, 0xd1);
    case Tone::Good:
        return QColor(0x1e, 0x8e, 0x3e);
    case Tone::Bad:
        return QColor(0xc5, 0x22, 0x1f);
    case Tone::Warning:
        return QColor(0xc7, 0x7c, 0x02);
    case Tone::Muted:
        return QColor(0x6b, 0x6f, 0x76);
    }
    return {};
}

QColor StatusPalette::background(Tone tone)
{
    switch (tone) {
    case Tone::Bad:
        return QColor(0xf9, 0xd0, 0xce);
    case Tone::Warning:
        return QColor(0xfd, 0xec, 0xc8);
    case Tone::Muted:
        return QColor(0xe6, 0xe7, 0xe9);
    case Tone::Neutral:
    case Tone::Running:
    case Tone::Good:
        break;
    }
    return {};
}

QColor StatusPalette::foreground(Tone tone)
{
    // Dark text on the light tints, whatever the colour scheme.
    switch (tone) {
    case Tone::Bad:
        return QColor(0x6e, 0x0b, 0x0b);
    case Tone::Warning:
        return QColor(0x5c, 0x3a, 0x00);
    case Tone::Muted:
        return QColor(0x30, 0x33, 0x38);
    case Tone::Neutral:
    case Tone::Running:
    case Tone::Good:
        break;
    }
    return {};
}

QIcon StatusPalette::icon(Tone tone)
{
    static QHash<int, QIcon> cache;
    const int key = int(tone);
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    QIcon icon;
    icon.addPixmap(badge(tone, 16));
    icon.addPixmap(badge(tone, 32));
    cache.insert(key, icon);
    return icon;
}

} // namespace Promotion
