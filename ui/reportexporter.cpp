// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportexporter.h"

#include "report/reportcomparison.h"
#include "report/reportformatter.h"

#include <QPageSize>
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

int ReportExporter::writePdf(const QString &html, const QString &title, const QString &out,
                             QString *error)
{
    QPdfWriter writer(out);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Promotion Console"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    QTextDocument doc;
    doc.setHtml(html);
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
    case Format::Pdf: {
        ReportFormatter::Options options;
        options.charts = false; // QTextDocument draws no SVG
        return writePdf(ReportFormatter::html(*report, options),
                        ReportComparison::title(*report), out, error) > 0;
    }
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
