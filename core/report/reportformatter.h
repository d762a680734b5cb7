// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportsummary.h"

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

namespace Promotion {

class ReportComparison;

/*!
 * \brief A promotion report rendered for people: Markdown, and HTML for the detail view,
 * the export (the seed's `workflow_dashboard_{component}.html`: gates, coverage chart,
 * window chart, approvals) and the PDF (which the ui layer prints from this HTML).
 *
 * Pure text: no QtGui. Charts are inline SVG, so the HTML file stands alone.
 */
class ReportFormatter final
{
public:
    struct Options
    {
        bool charts = true;     //!< inline SVG charts (a QTextBrowser cannot show them)
        bool standalone = true; //!< <html> with a <style>; false: a fragment
        /*! With charts off: <img src="chart:coverage">, "chart:p95", "chart:errors" where
         *  the charts go, for a renderer that supplies the images (the PDF). */
        bool chartImages = false;
        /*! The component's reports, oldest first, for the coverage chart. */
        QList<ReportSummary> history;
    };

    static QString markdown(const QJsonObject &report);
    static QString html(const QJsonObject &report, const Options &options);
    static QString html(const QJsonObject &report) { return html(report, Options()); }
    static QString comparisonHtml(const ReportComparison &comparison);

    /*! The seed's file name: `workflow_dashboard_{component}.html`. */
    static QString dashboardFileName(const QJsonObject &report);

    /*! Inline SVG line chart of (x, y) points; \a guides draws horizontal lines (60/70/80 %). */
    struct Series
    {
        QString name;
        QString color;
        QList<QPointF> points;
    };
    /*! The coverage points of \a history (x: ms since the epoch). */
    static QList<QPointF> coveragePoints(const QList<ReportSummary> &history);
    /*! The window's p95 (ms) and error rate (%) over seconds into the window. */
    static void windowPoints(const QJsonObject &report, QList<QPointF> *p95, QList<QPointF> *errors);
    static QString svgChart(const QString &title, const QList<Series> &series,
                            const QList<double> &guides, const QString &xLabel,
                            const QString &yLabel, bool xIsTime);
};

} // namespace Promotion
