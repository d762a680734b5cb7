// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetext.h"

#include <QList>
#include <QLocale>
#include <QRegularExpression>

namespace Promotion {

namespace {

/*! One phrasing of the engine: its English text with %1… for the data in it, and the source
 *  text of the translation. */
struct Phrase
{
    const char *english;
    const char *source;   //!< for tr() when it differs from english (a plural); nullptr: english
    unsigned numbers = 0; //!< bit i: %(i+1) is a number, shown in the locale
    int count = 0;        //!< the %n of a plural: which placeholder (1-based), 0 for none
    unsigned nested = 0;  //!< bit i: %(i+1) is itself one of the engine's phrases
};

// Most specific first: "…, %3 skipped" before "… passed".
constexpr Phrase kPhrases[] = {
    // Validation (step 1) and post-promotion validation (step 6) checks.
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Component directory exists"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Tests directory exists"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Specification file exists"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Current stage documented"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Current stage matches the expected stage"),
     nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Target is the next stage"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Smoke tests pass"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Health checks pass"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Component status reports the new stage"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "No errors in logs"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "Metrics within normal range"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 log lines, no errors"), nullptr, 0b1},
    {"%1 samples, no trigger fired; latency NOT evaluated (no baseline before the deploy)",
     QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 samples, no trigger fired; latency NOT "
                                                "evaluated (no baseline before the deploy)"),
     0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 samples, no trigger fired"), nullptr, 0b1},
    // What a gate measured, and its threshold (core/gates).
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "no tests ran"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 of %2 passed, %3 skipped"), nullptr, 0b111},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 of %2 passed"), nullptr, 0b11},
    {"1 finding", QT_TRANSLATE_N_NOOP("Promotion::EngineText", "%n finding(s)"), 0, -1},
    {"%1 findings", QT_TRANSLATE_N_NOOP("Promotion::EngineText", "%n finding(s)"), 0b1, 1},
    {"1 file", QT_TRANSLATE_N_NOOP("Promotion::EngineText", "%n file(s)"), 0, -1},
    {"%1 files", QT_TRANSLATE_N_NOOP("Promotion::EngineText", "%n file(s)"), 0b1, 1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "exit code %1"), nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "last drill %1 days ago"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "≥ %1 % passing"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "≤ %1 findings"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "≥ %1 file(s) matching %2"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "< %1 days"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "≥ %1 %"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 %"), nullptr, 0b1},
    // A criterion's evidence, one gate a line (core/workflow/steps/criteriastep.cpp).
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1: %2 (threshold %3)"), nullptr, 0, 0, 0b110},
    // Why GitHub makes the tracking wait (core/github/githubclient.cpp).
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "GitHub's rate limit (X-RateLimit-Reset)"),
     nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "GitHub's secondary rate limit (Retry-After)"),
     nullptr},
    // Step summaries (core/workflow/steps).
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 at %2, version %3"), nullptr},
    {"issue rendered (promotion_issue.md), %1 approval(s) recorded",
     QT_TRANSLATE_N_NOOP("Promotion::EngineText",
                         "issue rendered (promotion_issue.md), %n approval(s) recorded"),
     0b1, 1},
    {"issue %1, %2 approval(s) recorded",
     QT_TRANSLATE_N_NOOP("Promotion::EngineText", "issue %1, %n approval(s) recorded"), 0b10, 2},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 of %2 gates passed"), nullptr, 0b11},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "all %1 criteria met"), nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "deployed %1 %2 to %3"), nullptr},
    {"dry run: %1 effect(s) recorded as \"would do\"",
     QT_TRANSLATE_N_NOOP("Promotion::EngineText", "dry run: %n effect(s) recorded as \"would do\""),
     0b1, 1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "dry run: validation would run after the deploy"),
     nullptr},
    {QT_TRANSLATE_NOOP("Promotion::EngineText",
                       "smoke tests, health checks and %1 s window passed"),
     nullptr, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "no endpoints configured"), nullptr},
    // Step 4's approvals (core/workflow/steps/trackingstep.cpp): %1 is the policy's role title.
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "waiting for approvals on %1: %2"), nullptr, 0, 0,
     0b10},
    {"%1 GitHub action(s) pending: %2",
     QT_TRANSLATE_N_NOOP("Promotion::EngineText", "%n GitHub action(s) pending: %2"), 0b1, 1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 (GitHub: %2)"), nullptr, 0, 0, 0b1},
    {QT_TRANSLATE_NOOP("Promotion::EngineText", "%1 missing"), nullptr},
};

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d)"));
    return pattern;
}

struct Matcher
{
    QRegularExpression pattern;
    const Phrase *phrase;
};

/*! "%1 of %2 passed" as ^(.+?) of (.+?) passed$, numbers as numbers only. */
QList<Matcher> buildMatchers()
{
    const QRegularExpression &placeholder = placeholderPattern();
    QList<Matcher> matchers;
    for (const Phrase &phrase : kPhrases) {
        const QString english = QString::fromUtf8(phrase.english);
        QString pattern = QStringLiteral("^");
        qsizetype from = 0;
        for (auto it = placeholder.globalMatch(english); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            pattern += QRegularExpression::escape(english.mid(from, m.capturedStart() - from));
            const int index = m.captured(1).toInt();
            pattern += phrase.numbers & (1u << (index - 1)) ? QStringLiteral("(-?\\d+(?:\\.\\d+)?)")
                                                            : QStringLiteral("(.+?)");
            from = m.capturedEnd();
        }
        pattern += QRegularExpression::escape(english.mid(from)) + QStringLiteral("$");
        matchers.append({QRegularExpression(pattern), &phrase});
    }
    return matchers;
}

/*! "83.4" as the locale writes it, with as many decimals. */
QString localNumber(const QString &number)
{
    const qsizetype dot = number.indexOf(QLatin1Char('.'));
    const QLocale locale;
    if (dot < 0)
        return locale.toString(number.toLongLong());
    return locale.toString(number.toDouble(), 'f', int(number.size() - dot - 1));
}

} // namespace

QString EngineText::display(const QString &english)
{
    if (english.isEmpty())
        return english;
    static const QList<Matcher> matchers = buildMatchers();
    for (const Matcher &matcher : matchers) {
        const QRegularExpressionMatch m = matcher.pattern.match(english);
        if (!m.hasMatch())
            continue;
        const Phrase &phrase = *matcher.phrase;
        // Data never spans a join: "A missing; B missing" is two phrases, not one name.
        bool spansJoin = false;
        for (int i = 1; i <= m.lastCapturedIndex() && !spansJoin; ++i)
            spansJoin =
                !(phrase.nested & (1u << (i - 1))) && m.captured(i).contains(QLatin1String("; "));
        if (spansJoin)
            continue;
        // "1 finding": the plural's one, without a placeholder in the English.
        const int n = phrase.count < 0   ? 1
                      : phrase.count > 0 ? m.captured(phrase.count).toInt()
                                         : -1;
        // One pass over the translation, so data that reads like "%2" stays data.
        const QRegularExpression &placeholder = placeholderPattern();
        const char *source = phrase.source ? phrase.source : phrase.english;
        const QString translated = tr(source, nullptr, n);
        // A plural no translation file knows (no English file loaded): the engine's English
        // says it better than "3 finding(s)".
        if (phrase.count != 0 &&
            translated ==
                QString::fromUtf8(phrase.source).replace(QStringLiteral("%n"), QString::number(n)))
            return english;
        QString text;
        qsizetype from = 0;
        for (auto it = placeholder.globalMatch(translated); it.hasNext();) {
            const QRegularExpressionMatch p = it.next();
            const int i = p.captured(1).toInt();
            text += translated.mid(from, p.capturedStart() - from);
            const QString value = m.captured(i);
            if (phrase.numbers & (1u << (i - 1)))
                text += localNumber(value);
            else if (phrase.nested & (1u << (i - 1)))
                text += display(value);
            else
                text += value;
            from = p.capturedEnd();
        }
        return text + translated.mid(from);
    }
    // The engine joins its phrases with "; " (a step's blockers, a summary and what is still
    // pending): each part as display() says it. Parts it does not know stay as written.
    if (english.contains(QLatin1String("; "))) {
        QStringList parts = english.split(QStringLiteral("; "));
        for (QString &part : parts)
            part = display(part);
        return parts.join(QStringLiteral("; "));
    }
    return english;
}

} // namespace Promotion
