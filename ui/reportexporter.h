// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportsummary.h"

#include <optional>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>

namespace Promotion {

/*!
 * \brief Exports one report, or a comparison of two, to Markdown, self-contained HTML (the
 * seed's workflow_dashboard_{component}.html) or PDF (QPdfWriter, A4). Used by the history
 * window and by `history --export`. PDF needs a QGuiApplication (fonts).
 */
class ReportExporter final
{
public:
    enum class Format
    {
        Markdown,
        Html,
        Pdf
    };
    /*! "md"/"markdown", "html", "pdf"; nullopt otherwise. */
    static std::optional<Format> formatFromName(const QString &name);
    static QString suffix(Format format);

    /*! Export \a reportPath to \a out. \a history: the component's reports (coverage chart). */
    static bool exportReport(const QString &reportPath, Format format, const QString &out,
                             const QList<ReportSummary> &history, QString *error);
    static bool exportComparison(const QString &pathA, const QString &pathB, Format format,
                                 const QString &out, QString *error);
    /*! One report to a PDF at \a out, its charts drawn as images; returns the page count
     *  (0 on error). */
    static int writeReportPdf(const QJsonObject &report, const QList<ReportSummary> &history,
                              const QString &out, QString *error);
    /*! Print \a html to a PDF at \a out; returns the page count (0 on error). */
    static int writePdf(const QString &html, const QString &title, const QString &out,
                        QString *error, const QHash<QString, QImage> &images = {});
};

} // namespace Promotion
