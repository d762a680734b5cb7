// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QRegularExpression>

#include <QCommandLineParser>
#include <QDate>
#include <QCoreApplication>

namespace Promotion {

namespace {

QCommandLineOption opt(const QString &name, const QString &description, const QString &value = {})
{
    return value.isEmpty() ? QCommandLineOption(name, description)
                           : QCommandLineOption(name, description, value);
}

CommandLine failure(const QString &message)
{
    CommandLine cl;
    cl.mode = CommandLine::Mode::Error;
    cl.error = message;
    return cl;
}

bool requireOptions(const QCommandLineParser &parser, const QString &command,
                    const QStringList &names, CommandLine &cl)
{
    for (const QString &name : names) {
        if (!parser.isSet(name)) {
            cl = failure(QStringLiteral("%1: --%2 is required").arg(command, name));
            return false;
        }
    }
    return true;
}

} // namespace

QString commandLineHelp()
{
    return QStringLiteral(
        "Usage:\n"
        "  promotion-console [WORKSPACE]        open the GUI on WORKSPACE (default: last used)\n"
        "  promotion-console --demo             open the GUI on a fresh copy of the embedded demo "
        "workspace\n"
        "  promotion-console [--lang LANG] ...  use the translation for LANG (e.g. de), not the "
        "system locale\n"
        "  promotion-console promote --workspace DIR --component NAME --to STAGE [options]\n"
        "  promotion-console history --workspace DIR [--component NAME] [--json]\n"
        "        [--stats [--since DATE] [--until DATE]] [--backtest POLICY [--last N]]\n"
        "        [--export md|html|pdf --out FILE REPORT...]\n"
        "  promotion-console verify  --workspace DIR\n"
        "  promotion-console follow-up --workspace DIR [--now]\n"
        "\n"
        "promote: run the six promotion steps headless (same engine as the wizard)\n"
        "  --workspace DIR            repository root (holds src/, tests/, specs/, "
        "promotion.yaml)\n"
        "  --component NAME           component to promote (src/NAME/)\n"
        "  --to STAGE                 target stage (staging, production, ...)\n"
        "  --from STAGE               expected current stage; a mismatch with __maturity__ blocks\n"
        "  --spec PATH                specification file (default specs/NAME.md)\n"
        "  --dry-run                  run every check, record side effects as \"would do\"\n"
        "  --skip-quality-gates REASON  skip step 2 (testing only); the report flags it\n"
        "  --approve ROLE=NAME        record an approval (repeatable), e.g. --approve qa=alice\n"
        "  --accept-criteria all|FILE tick the criteria that need a person (FILE: one id per "
        "line)\n"
        "  --attest GATE=NAME         attest a gate no tool can measure (repeatable)\n"
        "  --report PATH              also write the report to PATH\n"
        "  --json                     print the report on stdout instead of progress\n"
        "  --resume [RUN_ID]          continue an interrupted run (newest one by default)\n"
        "  --wait-approvals DURATION  with a GitHub repository: poll the promotion issue this\n"
        "                             long (e.g. 90s, 30m, 2h) for missing approvals; then exit 1\n"
        "                             naming the issue and the missing roles (resume later)\n"
        "  --no-color                 plain progress output\n"
        "\n"
        "history: list past promotion reports (.promotion/reports)\n"
        "  --workspace DIR, --component NAME, --json\n"
        "  --stats                    promotion time (median, p90), success and rollback rates,\n"
        "                             overall and per component; --since/--until DATE limit it\n"
        "  --backtest POLICY          the past promotions POLICY's thresholds would have blocked\n"
        "  --last N                   back-test only the last N promotions\n"
        "  --export FORMAT --out FILE REPORT...  one report, or two compared, to md, html "
        "(the\n"
        "                             seed's workflow_dashboard) or pdf\n"
        "\n"
        "verify: check the workspace, its policy and its tools, and the reports' hash chain\n"
        "  --workspace DIR            (exit 1 names the first report edited, removed, inserted\n"
        "                             or reordered)\n"
        "\n"
        "follow-up: the 24-hour check (for cron or CI): re-check health, status and the metrics\n"
        "  window of every promotion whose follow-up is due, and write the result beside its\n"
        "  report (.promotion/reports/follow-ups/); exit 3 if any check fails\n"
        "  --workspace DIR, --now (check the newest promotion of each component now)\n"
        "\n"
        "General: -h/--help, -v/--version\n"
        "\n"
        "Exit codes: 0 promoted (or dry run passed), 1 blocked by a gate, criterion or approval,\n"
        "            2 usage or configuration error, 3 deployment or validation failed (rolled\n"
        "            back, or nothing deployed), 4 the rollback FAILED (the new version may still\n"
        "            serve: act by hand as printed), 130/143/129 interrupted by SIGINT/SIGTERM/\n"
        "            SIGHUP (journaled: continue with --resume).\n");
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    const QString first = args.value(0);
    const QStringList subcommands = {QStringLiteral("promote"), QStringLiteral("history"),
                                     QStringLiteral("verify"), QStringLiteral("follow-up")};

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("help"));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("version"));
    parser.addOption(help);
    parser.addOption(version);

    CommandLine cl;
    if (!subcommands.contains(first)) {
        parser.addOption(opt(QStringLiteral("demo"), QStringLiteral("demo")));
        parser.addOption(
            opt(QStringLiteral("lang"), QStringLiteral("language"), QStringLiteral("LANG")));
        parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("workspace"));
        if (!parser.parse(arguments))
            return failure(parser.errorText());
        if (parser.isSet(help))
            cl.mode = CommandLine::Mode::Help;
        else if (parser.isSet(version))
            cl.mode = CommandLine::Mode::Version;
        else if (parser.positionalArguments().size() > 1)
            return failure(
                QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(1)));
        else if (parser.isSet(QStringLiteral("demo")))
            cl.mode = parser.positionalArguments().isEmpty()
                          ? CommandLine::Mode::Demo
                          : failure(QStringLiteral("--demo takes no workspace")).mode;
        else
            cl.mode = CommandLine::Mode::Gui;
        if (cl.mode == CommandLine::Mode::Error)
            return failure(QStringLiteral("--demo takes no workspace"));
        cl.workspace = parser.positionalArguments().value(0);
        cl.language = parser.value(QStringLiteral("lang"));
        return cl;
    }

    parser.addOption(
        opt(QStringLiteral("workspace"), QStringLiteral("dir"), QStringLiteral("DIR")));
    parser.addOption(
        opt(QStringLiteral("component"), QStringLiteral("name"), QStringLiteral("NAME")));
    parser.addOption(opt(QStringLiteral("json"), QStringLiteral("json")));
    if (first == QLatin1String("promote")) {
        parser.addOption(
            opt(QStringLiteral("to"), QStringLiteral("stage"), QStringLiteral("STAGE")));
        parser.addOption(
            opt(QStringLiteral("from"), QStringLiteral("stage"), QStringLiteral("STAGE")));
        parser.addOption(
            opt(QStringLiteral("spec"), QStringLiteral("path"), QStringLiteral("PATH")));
        parser.addOption(opt(QStringLiteral("dry-run"), QStringLiteral("dry run")));
        parser.addOption(opt(QStringLiteral("skip-quality-gates"), QStringLiteral("reason"),
                             QStringLiteral("REASON")));
        parser.addOption(opt(QStringLiteral("approve"), QStringLiteral("role=name"),
                             QStringLiteral("ROLE=NAME")));
        parser.addOption(opt(QStringLiteral("attest"), QStringLiteral("gate=name"),
                             QStringLiteral("GATE=NAME")));
        parser.addOption(opt(QStringLiteral("accept-criteria"), QStringLiteral("all|file"),
                             QStringLiteral("WHAT")));
        parser.addOption(
            opt(QStringLiteral("report"), QStringLiteral("path"), QStringLiteral("PATH")));
        parser.addOption(opt(QStringLiteral("resume"), QStringLiteral("resume")));
        parser.addOption(opt(QStringLiteral("no-color"), QStringLiteral("no color")));
        parser.addOption(opt(QStringLiteral("wait-approvals"), QStringLiteral("duration"),
                             QStringLiteral("DURATION")));
        parser.addPositionalArgument(QStringLiteral("run-id"),
                                     QStringLiteral("run id for --resume"));
    }
    if (first == QLatin1String("follow-up"))
        parser.addOption(opt(QStringLiteral("now"), QStringLiteral("now")));
    if (first == QLatin1String("history")) {
        parser.addOption(opt(QStringLiteral("stats"), QStringLiteral("stats")));
        parser.addOption(opt(QStringLiteral("since"), QStringLiteral("date"), QStringLiteral("DATE")));
        parser.addOption(opt(QStringLiteral("until"), QStringLiteral("date"), QStringLiteral("DATE")));
        parser.addOption(
            opt(QStringLiteral("backtest"), QStringLiteral("policy"), QStringLiteral("POLICY")));
        parser.addOption(opt(QStringLiteral("last"), QStringLiteral("n"), QStringLiteral("N")));
        parser.addOption(
            opt(QStringLiteral("export"), QStringLiteral("format"), QStringLiteral("FORMAT")));
        parser.addOption(opt(QStringLiteral("out"), QStringLiteral("file"), QStringLiteral("FILE")));
        parser.addPositionalArgument(QStringLiteral("report"), QStringLiteral("report for --export"));
    }

    QStringList toParse = arguments;
    toParse.removeAt(1); // the subcommand
    if (!parser.parse(toParse))
        return failure(QStringLiteral("%1: %2").arg(first, parser.errorText()));
    if (parser.isSet(help)) {
        cl.mode = CommandLine::Mode::Help;
        return cl;
    }
    cl.workspace = parser.value(QStringLiteral("workspace"));
    cl.component = parser.value(QStringLiteral("component"));
    cl.json = parser.isSet(QStringLiteral("json"));

    if (first == QLatin1String("promote")) {
        cl.mode = CommandLine::Mode::Promote;
        if (!requireOptions(
                parser, first,
                {QStringLiteral("workspace"), QStringLiteral("component"), QStringLiteral("to")},
                cl))
            return cl;
        cl.to = parser.value(QStringLiteral("to"));
        cl.from = parser.value(QStringLiteral("from"));
        cl.spec = parser.value(QStringLiteral("spec"));
        cl.dryRun = parser.isSet(QStringLiteral("dry-run"));
        cl.skipQualityGates = parser.isSet(QStringLiteral("skip-quality-gates"));
        cl.skipReason = parser.value(QStringLiteral("skip-quality-gates")).trimmed();
        if (cl.skipQualityGates && cl.skipReason.isEmpty())
            return failure(QStringLiteral("promote: --skip-quality-gates needs a reason"));
        cl.approvals = parser.values(QStringLiteral("approve"));
        for (const QString &approval : std::as_const(cl.approvals)) {
            const qsizetype eq = approval.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq == approval.size() - 1)
                return failure(
                    QStringLiteral("promote: --approve expects ROLE=NAME, got '%1'").arg(approval));
        }
        cl.attestations = parser.values(QStringLiteral("attest"));
        for (const QString &attestation : std::as_const(cl.attestations)) {
            const qsizetype eq = attestation.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq == attestation.size() - 1)
                return failure(QStringLiteral("promote: --attest expects GATE=NAME, got '%1'")
                                   .arg(attestation));
        }
        cl.acceptCriteria = parser.value(QStringLiteral("accept-criteria"));
        cl.reportPath = parser.value(QStringLiteral("report"));
        cl.resume = parser.isSet(QStringLiteral("resume"));
        cl.noColor = parser.isSet(QStringLiteral("no-color"));
        if (parser.isSet(QStringLiteral("wait-approvals"))) {
            cl.waitApprovalsSeconds = parseDuration(parser.value(QStringLiteral("wait-approvals")));
            if (cl.waitApprovalsSeconds < 0)
                return failure(QStringLiteral("promote: --wait-approvals expects a duration such "
                                              "as 90s, 30m or 2h (at most 7d), got '%1'")
                                   .arg(parser.value(QStringLiteral("wait-approvals"))));
        }
        const QStringList positional = parser.positionalArguments();
        if (!positional.isEmpty() && !cl.resume)
            return failure(
                QStringLiteral("promote: unexpected argument '%1'").arg(positional.first()));
        if (positional.size() > 1)
            return failure(
                QStringLiteral("promote: unexpected argument '%1'").arg(positional.at(1)));
        cl.runId = positional.value(0);
        return cl;
    }

    if (first == QLatin1String("history")) {
        cl.stats = parser.isSet(QStringLiteral("stats"));
        cl.since = parser.value(QStringLiteral("since"));
        cl.until = parser.value(QStringLiteral("until"));
        for (const QString &date : {cl.since, cl.until}) {
            if (!date.isEmpty() && !QDate::fromString(date, Qt::ISODate).isValid())
                return failure(QStringLiteral("history: '%1' is not a date (yyyy-MM-dd)").arg(date));
        }
        cl.backtest = parser.value(QStringLiteral("backtest"));
        if (parser.isSet(QStringLiteral("last"))) {
            bool ok = false;
            cl.last = parser.value(QStringLiteral("last")).toInt(&ok);
            if (!ok || cl.last <= 0)
                return failure(QStringLiteral("history: --last expects a positive number"));
        }
        cl.exportFormat = parser.value(QStringLiteral("export")).toLower();
        cl.out = parser.value(QStringLiteral("out"));
        cl.reports = parser.positionalArguments();
        if (!cl.exportFormat.isEmpty()) {
            const QStringList formats{QStringLiteral("md"), QStringLiteral("markdown"),
                                      QStringLiteral("html"), QStringLiteral("pdf")};
            if (!formats.contains(cl.exportFormat))
                return failure(QStringLiteral("history: --export expects md, html or pdf, got '%1'")
                                   .arg(cl.exportFormat));
            if (cl.out.isEmpty())
                return failure(QStringLiteral("history: --export needs --out FILE"));
            if (cl.reports.isEmpty() || cl.reports.size() > 2)
                return failure(QStringLiteral("history: --export takes one report, or two to "
                                              "compare"));
        } else if (!cl.reports.isEmpty()) {
            return failure(
                QStringLiteral("history: unexpected argument '%1'").arg(cl.reports.first()));
        }
        if (int(cl.stats) + int(!cl.backtest.isEmpty()) + int(!cl.exportFormat.isEmpty()) > 1)
            return failure(QStringLiteral("history: use one of --stats, --backtest, --export"));
    } else if (!parser.positionalArguments().isEmpty()) {
        return failure(QStringLiteral("%1: unexpected argument '%2'")
                           .arg(first, parser.positionalArguments().first()));
    }
    cl.mode = first == QLatin1String("history")     ? CommandLine::Mode::History
              : first == QLatin1String("follow-up") ? CommandLine::Mode::FollowUp
                                                    : CommandLine::Mode::Verify;
    cl.now = first == QLatin1String("follow-up") && parser.isSet(QStringLiteral("now"));
    if (!requireOptions(parser, first, {QStringLiteral("workspace")}, cl))
        return cl;
    if (cl.mode == CommandLine::Mode::Verify && (parser.isSet(QStringLiteral("component"))))
        return failure(QStringLiteral("verify: --component is not an option of verify"));
    return cl;
}

int parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,7})([smhd]?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == u"m" ? 60 : unit == u"h" ? 3600 : unit == u"d" ? 86400 : 1;
    const qint64 seconds = n * factor;
    return seconds > 7 * 86400 ? -1 : int(seconds);
}

} // namespace Promotion
