// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportexporter.h"

#include "report/reportcomparison.h"
#include "report/reportformatter.h"

#include <QDateTime>
#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QTimeZone>
#include <QUrl>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace Promotion {

namespace {

bool writeText(const QString &out, const QString &text, QString *error)
{
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(out, f.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<ReportExporter::Format> ReportExporter::formatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    if (n == QLatin1String("html"))
        return Format::Html;
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString ReportExporter::suffix(Format format)
{
    switch (format) {
    case Format::Markdown: return QStringLiteral("md");
    case Format::Html: return QStringLiteral("html");
    case Format::Pdf: return QStringLiteral("pdf");
    }
    return {};
}

namespace {

/*! A line chart drawn with QPainter (the PDF cannot take the HTML's SVG). */
QImage chartImage(const QString &title, const QList<QPointF> &points, const QColor &color,
                  const QList<double> &guides, bool xIsTime)
{
    QImage image(1600, 600, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(24);
    p.setFont(font);
    const QRectF plot(120, 60, 1440, 460);
    p.drawText(QPointF(plot.left(), 40), title);
    p.setPen(QColor(0xbb, 0xbb, 0xbb));
    p.drawRect(plot);
    double minX = points.isEmpty() ? 0 : points.first().x(), maxX = minX + 1;
    double minY = 0, maxY = 1;
    for (const QPointF &pt : points) {
        minX = std::min(minX, pt.x());
        maxX = std::max(maxX, pt.x());
        maxY = std::max(maxY, pt.y());
    }
    for (double g : guides)
        maxY = std::max(maxY, g);
    maxY *= 1.1;
    const auto map = [&](const QPointF &pt) {
        return QPointF(plot.left() + (pt.x() - minX) / (maxX - minX) * plot.width(),
                       plot.bottom() - (pt.y() - minY) / (maxY - minY) * plot.height());
    };
    p.setPen(Qt::black);
    for (int i = 0; i <= 4; ++i) {
        const double y = minY + (maxY - minY) * i / 4;
        p.drawText(QRectF(0, map({minX, y}).y() - 14, plot.left() - 8, 28),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'f', 1));
    }
    const auto xText = [&](double x) {
        return xIsTime ? QDateTime::fromMSecsSinceEpoch(qint64(x), QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd"))
                       : QString::number(x, 'f', 0) + QStringLiteral(" s");
    };
    p.drawText(QPointF(plot.left(), plot.bottom() + 34), xText(minX));
    p.drawText(QRectF(plot.right() - 300, plot.bottom() + 10, 300, 30), Qt::AlignRight,
               xText(maxX));
    QPen guide(QColor(0x99, 0x99, 0x99), 2, Qt::DashLine);
    for (double g : guides) {
        p.setPen(guide);
        p.drawLine(map({minX, g}), map({maxX, g}));
    }
    QPolygonF line;
    for (const QPointF &pt : points)
        line.append(map(pt));
    p.setPen(QPen(color, 4));
    p.drawPolyline(line);
    p.setBrush(color);
    for (const QPointF &pt : std::as_const(line))
        p.drawEllipse(pt, 6, 6);
    return image;
}

} // namespace

int ReportExporter::writeReportPdf(const QJsonObject &report, const QList<ReportSummary> &history,
                                   const QString &out, QString *error)
{
    ReportFormatter::Options options;
    options.charts = false; // QTextDocument draws no SVG: the charts are images
    options.chartImages = true;
    options.history = history;
    QHash<QString, QImage> images;
    images.insert(QStringLiteral("chart:coverage"),
                  chartImage(QStringLiteral("Coverage (%)"), ReportFormatter::coveragePoints(history),
                             QColor(0x09, 0x69, 0xda), {60, 70, 80}, true));
    QList<QPointF> p95;
    QList<QPointF> errors;
    ReportFormatter::windowPoints(report, &p95, &errors);
    images.insert(QStringLiteral("chart:p95"),
                  chartImage(QStringLiteral("p95 latency (ms)"), p95, QColor(0x82, 0x50, 0xdf), {}, false));
    images.insert(QStringLiteral("chart:errors"),
                  chartImage(QStringLiteral("Error rate (%)"), errors, QColor(0xcf, 0x22, 0x2e), {1}, false));
    return writePdf(ReportFormatter::html(report, options), ReportComparison::title(report), out,
                    error, images);
}

int ReportExporter::writePdf(const QString &html, const QString &title, const QString &out,
                             QString *error, const QHash<QString, QImage> &images)
{
    QPdfWriter writer(out);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Promotion Console"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    QTextDocument doc;
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        // About three quarters of the page width once laid out at 300 dpi.
        doc.addResource(QTextDocument::ImageResource, QUrl(it.key()),
                        it.value().scaledToWidth(800, Qt::SmoothTransformation));
    }
    doc.setHtml(html);
    // Laid out for the writer (its 300 dpi), not the screen: fonts keep their point size.
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultFont(QFont(doc.defaultFont().family(), 10));
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF());
    const int pages = doc.pageCount();
    doc.print(&writer);
    if (pages <= 0 && error)
        *error = QStringLiteral("cannot write %1").arg(out);
    return pages;
}

bool ReportExporter::exportReport(const QString &reportPath, Format format, const QString &out,
                                  const QList<ReportSummary> &history, QString *error)
{
    const std::optional<QJsonObject> report = ReportReader::load(reportPath, error);
    if (!report)
        return false;
    switch (format) {
    case Format::Markdown:
        return writeText(out, ReportFormatter::markdown(*report), error);
    case Format::Html: {
        ReportFormatter::Options options;
        options.history = history;
        return writeText(out, ReportFormatter::html(*report, options), error);
    }
    case Format::Pdf:
        return writeReportPdf(*report, history, out, error) > 0;
    }
    return false;
}

bool ReportExporter::exportComparison(const QString &pathA, const QString &pathB, Format format,
                                      const QString &out, QString *error)
{
    const std::optional<QJsonObject> a = ReportReader::load(pathA, error);
    if (!a)
        return false;
    const std::optional<QJsonObject> b = ReportReader::load(pathB, error);
    if (!b)
        return false;
    const ReportComparison c = ReportComparison::compare(*a, *b);
    switch (format) {
    case Format::Markdown: return writeText(out, c.markdown(), error);
    case Format::Html: return writeText(out, ReportFormatter::comparisonHtml(c), error);
    case Format::Pdf:
        return writePdf(ReportFormatter::comparisonHtml(c), QStringLiteral("Comparison"), out,
                        error) > 0;
    }
    return false;
}

} // namespace Promotion
