// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Promotion {

/*! Exit codes of every subcommand, as documented in the README. */
enum ExitCode
{
    ExitPromoted = 0,     //!< promoted, or a dry run that passed
    ExitBlocked = 1,      //!< blocked by a gate, criterion or approval
    ExitUsage = 2,        //!< usage or configuration error
    ExitDeployFailed = 3, //!< deployment or validation failed (rolled back, or nothing deployed)
    ExitRollbackFailed = 4, //!< the rollback failed: the new version may still serve
    // 128 + signal (130 SIGINT, 143 SIGTERM, 129 SIGHUP): interrupted, journaled, resumable
};

/*!
 * \brief The parsed command line: which mode, and its options.
 */
struct CommandLine
{
    enum class Mode
    {
        Gui,
        Demo,
        Promote,
        History,
        Verify,
        FollowUp,
        Help,
        Version,
        Error
    };
    Mode mode = Mode::Gui;
    QString error; //!< one line, for Mode::Error

    QString workspace;
    QString component;
    QString from;
    QString to;
    QString spec;
    bool dryRun = false;
    bool skipQualityGates = false;
    QString skipReason;
    QStringList approvals;    //!< ROLE=NAME
    QStringList attestations; //!< GATE=NAME
    QString acceptCriteria;
    QString reportPath;
    bool json = false;
    bool resume = false;
    QString runId;
    bool noColor = false;
    int waitApprovalsSeconds = 0; //!< --wait-approvals
    QString language; //!< --lang: a locale name ("de"); empty: the system locale
    bool now = false; //!< follow-up --now: check the newest promotions even if not due yet

    // history
    bool stats = false;       //!< --stats: the seed's dashboard figures
    QString since;            //!< --since DATE (yyyy-MM-dd), for --stats
    QString until;            //!< --until DATE
    QString backtest;         //!< --backtest POLICY
    int last = 0;             //!< --last N, for --backtest (0: all)
    QString exportFormat;     //!< --export md|html|pdf
    QString out;              //!< --out FILE
    QStringList reports;      //!< REPORT… for --export
};

CommandLine parseCommandLine(const QStringList &arguments);
/*! "90", "90s", "30m", "2h", "1d" → seconds; -1 when malformed or above 7 days. */
int parseDuration(const QString &text);
QString commandLineHelp();

} // namespace Promotion
