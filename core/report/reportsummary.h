// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/runstate.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Promotion {

/*! \brief One gate of a past report, as the history table, trends and back-test need it. */
struct ReportGateFigure
{
    QString id;
    QString title;
    QString status;
    std::optional<double> measured;
    std::optional<double> threshold;
    qint64 durationMs = 0;
};

/*!
 * \brief The headline of one past promotion report: what the history table, its filter,
 * the trend charts and the dashboard show without reading the file again.
 *
 * An unreadable file is a summary too: only path and problem are set then.
 */
struct ReportSummary
{
    QString path;
    QString runId;
    QString component;
    QString fromStage;
    QString toStage;
    QString date;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunOutcome outcome = RunOutcome::Running;
    bool dryRun = false;
    std::optional<double> coverage;
    qint64 durationMs = -1; //!< -1: unknown
    QString promoter;
    QString version;
    QStringList approvers; //!< "role: identity" of every approval given
    QString issueUrl;
    QString outcomeSummary;
    QList<ReportGateFigure> gates;
    QString contentSha256;  //!< empty: written before the hash chain existed
    QString previousSha256;
    int schemaVersion = 0;
    QString followUpPath;   //!< the follow-up record beside the report, when there is one
    QString followUpStatus; //!< its outcome/status field, as written
    QString searchText;     //!< lower-case text the free-text filter matches
    qint64 whenMs = 0;      //!< when(), in ms since the epoch (sorting without QDateTime)
    QString problem; //!< set when the file could not be read; the rest is empty then

    bool readable() const { return problem.isEmpty(); }
    /*! When it happened, as precisely as the report says (start, else the date). */
    QDateTime when() const;
    const ReportGateFigure *gate(const QString &id) const;
    QJsonObject toJson() const;
};

/*!
 * \brief Reads one report file and says why when it cannot: empty, truncated, not JSON,
 * not a promotion report, or a schema_version newer than this build reads.
 */
class ReportReader final
{
public:
    static std::optional<QJsonObject> load(const QString &path, QString *error);
    /*! The same from bytes already read; \a path only names the file in the error. */
    static std::optional<QJsonObject> parse(const QByteArray &bytes, const QString &path,
                                            QString *error);
    static ReportSummary summarize(const QString &path, const QJsonObject &report);
    /*! load() + summarize(), or a summary with the problem set. */
    static ReportSummary read(const QString &path);
    /*! True for a follow-up record (`X.followup.json`, `X.follow-up.json`), not a report. */
    static bool isFollowUpFile(const QString &fileName);
    /*! The report a follow-up record belongs to (file name), or empty. */
    static QString reportOfFollowUp(const QString &fileName);
    /*! Joins the follow-up record at \a followUpPath to \a summary. */
    static void joinFollowUp(ReportSummary &summary, const QString &followUpPath);
};

} // namespace Promotion
