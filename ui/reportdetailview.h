// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTextBrowser;

namespace Promotion {

class HealthChartView;

/*!
 * \brief One past promotion, rendered for a reader: gates (value, threshold, duration),
 * criteria with their evidence, approvals (role, who, when, path), deploy commands,
 * validation checks, the verification window's samples as a chart, links; and a
 * "Raw JSON" toggle to the report as written.
 *
 * Child object names: reportBrowser (QTextBrowser), windowChart (HealthChartView),
 * reportViewer (raw JSON), rawJsonAction.
 */
class ReportDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReportDetailView(QWidget *parent = nullptr);

    /*! Read and show \a path (one file, on selection); empty clears. */
    void showReport(const QString &path);
    QString path() const { return m_path; }
    QJsonObject report() const { return m_report; }
    void setRawJson(bool raw);
    bool isRawJson() const;

    QTextBrowser *browser() const { return m_browser; }
    QPlainTextEdit *rawViewer() const { return m_raw; }
    HealthChartView *windowChart() const { return m_chart; }
    QAction *rawJsonAction() const { return m_rawAction; }

private:
    QString m_path;
    QJsonObject m_report;
    QStackedWidget *m_stack = nullptr;
    QTextBrowser *m_browser = nullptr;
    HealthChartView *m_chart = nullptr;
    QLabel *m_chartTitle = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QAction *m_rawAction = nullptr;
};

} // namespace Promotion
