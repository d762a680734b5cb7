// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Promotion {

/*!
 * One quality gate line, as the gate engine judged it. The seed's
 * "- [x] Test coverage: {coverage}%" is the coverage gate with title
 * "Test coverage" and measured "{coverage}%" (see coverageGate()).
 */
struct IssueGateLine
{
    QString title; //!< e.g. "Test coverage", "All tests passing", "Linting clean"
    bool passed = false;
    QString measured;  //!< e.g. "85.3%", "41/42 passed", "3 findings"; after a colon when set
    QString threshold; //!< e.g. "≥ 70%", "100%", "0 findings"; "(required: ..)" only when failed
    QString note;      //!< e.g. "skipped: demo", "ruff not found"; in parentheses when set
};

/*! One promotion criterion line. */
struct IssueCriterionLine
{
    QString text;
    bool checked = false;
    QString
        note; //!< e.g. "proven by: tests, coverage" or "pending: runbook review"; in parentheses
};

/*! One approval line. */
struct IssueApprovalLine
{
    QString title; //!< e.g. "Tech lead approval"
    bool approved = false;
    QString who;    //!< identity, shown when approved
    QDateTime when; //!< shown in UTC when approved and valid
};

/*! Everything the promotion issue says. */
struct IssueData
{
    QString component;
    QString currentStage;
    QString targetStage;
    QString date; //!< yyyy-MM-dd
    /*! Measured coverage in percent, for the {coverage} placeholder; gate lines come from \c gates.
     */
    std::optional<double> coverage;
    QList<IssueGateLine> gates; //!< in policy order, coverage included
    QList<IssueCriterionLine> criteria;
    QStringList blockers;               //!< empty renders "None"
    /*! Set when the quality gates were skipped: reason, who and who approved, shown on top. */
    QString gatesSkipped;
    QList<IssueApprovalLine> approvals; //!< empty renders the seed's three unticked lines
    QString rollbackPlan;
    bool dryRun = false;
    QString runId; //!< when set, kept in an HTML comment so the issue can be matched to its run
};

/*!
 * \brief Renders the seed's GitHub issue (step 4) from real results.
 *
 * The text comes from the embedded template ":/templates/promotion-issue.md"
 * (resources/templates/promotion-issue.md, syntax of TextTemplate). A gate
 * line is ticked only when that gate passed; a failed one shows the measured
 * value and the threshold.
 */
class IssueTemplateRenderer final
{
public:
    /*! The embedded template text (registers the static library's resource first). */
    static QString builtinTemplate();

    /*! Renders with the embedded template; empty with \a error set if that fails. */
    static QString render(const IssueData &data, QString *error = nullptr);
    /*! Renders with a custom template (e.g. from a workspace); nullopt with \a error on failure. */
    static std::optional<QString> render(const QString &templateText, const IssueData &data,
                                         QString *error);

    /*!
     * The names a template can use. Top level: component_name, current_stage,
     * target_stage, date, dry_run, run_id, coverage ("85.3", empty when not
     * measured), gates, criteria, blockers, approvals, rollback_plan.
     * gates items: mark, title, passed, measured, threshold, note.
     * criteria items: mark, text, checked, note. blockers items: text.
     * approvals items: mark, title, approved, who, when.
     * \c mark is "x" or " ".
     */
    static QVariantMap context(const IssueData &data);

    /*! "Promote {component} to {target_stage}". */
    static QString title(const IssueData &data);
    /*! "component:{component}", "target:{target_stage}". */
    static QStringList labels(const IssueData &data);
    /*!
     * Labels from policy patterns (tracking.labels), substituting {component},
     * {component_name}, {from_stage}, {current_stage}, {to_stage} and
     * {target_stage}; empty results and duplicates are dropped.
     */
    static QStringList labels(const IssueData &data, const QStringList &patterns);

    /*!
     * The seed's coverage line as a gate: "Test coverage", measured "85.3%" (or
     * "not measured"), threshold "≥ 70%", passed as the gate engine decided.
     */
    static IssueGateLine coverageGate(std::optional<double> coverage,
                                      std::optional<double> required, bool passed);

    /*! "85.3", "80", "79.96": one decimal unless more are needed to tell \a value from \a bound. */
    static QString formatPercent(double value, std::optional<double> bound = std::nullopt);
};

} // namespace Promotion
