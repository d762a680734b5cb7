// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Promotion {

/*! \brief The headline of one past promotion report. */
struct ReportSummary
{
    QString path;
    QString runId;
    QString component;
    QString fromStage;
    QString toStage;
    QString date;
    RunOutcome outcome = RunOutcome::Running;
    bool dryRun = false;
    std::optional<double> coverage;
    QString problem; //!< set when the file could not be read; the rest is empty then
    QJsonObject toJson() const;
};

/*!
 * \brief Reads the reports under `.promotion/reports/` (shared through git).
 */
class ReportStore final
{
public:
    explicit ReportStore(const QString &reportsDir);

    /*! Every report, oldest first; unreadable files are listed with a problem. */
    QList<ReportSummary> list(const QString &component = {}) const;
    static std::optional<QJsonObject> load(const QString &path, QString *error);
    static ReportSummary summarize(const QString &path, const QJsonObject &report);

private:
    QString m_dir;
};

} // namespace Promotion
