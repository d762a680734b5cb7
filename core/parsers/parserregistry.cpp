// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsers/parserregistry.h"

#include "parsers/coberturaparser.h"
#include "parsers/coveragejsonparser.h"
#include "parsers/detectsecretsparser.h"
#include "parsers/diagnosticstextparser.h"
#include "parsers/exitcodeparser.h"
#include "parsers/junitparser.h"
#include "parsers/pyrightjsonparser.h"
#include "parsers/ruffjsonparser.h"
#include "parsers/sarifparser.h"

namespace Promotion {

namespace {

struct FormatEntry
{
    const char *id;
    ToolOutcome::Kind kind;
};

constexpr FormatEntry kFormats[] = {
    {"junit", ToolOutcome::Kind::Tests},
    {"cobertura", ToolOutcome::Kind::Coverage},
    {"coverage-json", ToolOutcome::Kind::Coverage},
    {"sarif", ToolOutcome::Kind::Diagnostics},
    {"ruff-json", ToolOutcome::Kind::Diagnostics},
    {"pyright-json", ToolOutcome::Kind::Diagnostics},
    {"detect-secrets-json", ToolOutcome::Kind::Diagnostics},
    {"diagnostics-text", ToolOutcome::Kind::Diagnostics},
    {"exit-code", ToolOutcome::Kind::ExitCode},
};

template <typename T> void store(ToolOutcome &outcome, ParseResult<T> &&result)
{
    if (result)
        outcome.summary = std::move(*result.value);
    else
        outcome.error = std::move(result.error);
}

} // namespace

QStringList ParserRegistry::formats()
{
    QStringList ids;
    for (const FormatEntry &entry : kFormats)
        ids.append(QLatin1String(entry.id));
    return ids;
}

bool ParserRegistry::isKnownFormat(const QString &format)
{
    return kindOf(format).has_value();
}

std::optional<ToolOutcome::Kind> ParserRegistry::kindOf(const QString &format)
{
    for (const FormatEntry &entry : kFormats) {
        if (format == QLatin1String(entry.id))
            return entry.kind;
    }
    return std::nullopt;
}

ToolOutcome ParserRegistry::parse(const QString &format, const QByteArray &output, int exitCode,
                                  bool crashed)
{
    ToolOutcome outcome;
    outcome.format = format;
    outcome.process = ExitCodeParser::parse(exitCode, crashed);
    const std::optional<ToolOutcome::Kind> kind = kindOf(format);
    if (!kind) {
        outcome.error = QStringLiteral("unknown output format \"%1\"; known formats: %2")
                            .arg(format, formats().join(QLatin1String(", ")));
        return outcome;
    }
    outcome.kind = *kind;
    if (format == u"junit")
        store(outcome, JUnitParser::parse(output));
    else if (format == u"cobertura")
        store(outcome, CoberturaParser::parse(output));
    else if (format == u"coverage-json")
        store(outcome, CoverageJsonParser::parse(output));
    else if (format == u"sarif")
        store(outcome, SarifParser::parse(output));
    else if (format == u"ruff-json")
        store(outcome, RuffJsonParser::parse(output));
    else if (format == u"pyright-json")
        store(outcome, PyrightJsonParser::parse(output));
    else if (format == u"detect-secrets-json")
        store(outcome, DetectSecretsParser::parse(output));
    else if (format == u"diagnostics-text")
        store(outcome, DiagnosticsTextParser::parse(output));
    // "exit-code": process already holds the whole result.
    return outcome;
}

} // namespace Promotion
