// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntaxhighlighting.h"

#include "highlighting/diffhighlighter.h"
#include "highlighting/jsonhighlighter.h"
#include "highlighting/markdownhighlighter.h"
#include "highlighting/yamlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextDocument>

#ifdef HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Promotion {

namespace {

// Marks the highlighter attach() created, so a second attach() replaces it.
const char kObjectName[] = "promotionSyntaxHighlighter";

QString canonical(const QString &language)
{
    for (const QString &known : SyntaxHighlighting::languages()) {
        if (known.compare(language.trimmed(), Qt::CaseInsensitive) == 0)
            return known;
    }
    return {};
}

#ifdef HAVE_KSYNTAXHIGHLIGHTING
// Definitions keep a pointer to their repository, so it lives as long as the process.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}
#endif

} // namespace

QStringList SyntaxHighlighting::languages()
{
    return {QStringLiteral("Markdown"), QStringLiteral("YAML"), QStringLiteral("JSON"),
            QStringLiteral("Diff")};
}

bool SyntaxHighlighting::usesKSyntaxHighlighting()
{
#ifdef HAVE_KSYNTAXHIGHLIGHTING
    return true;
#else
    return false;
#endif
}

QSyntaxHighlighter *SyntaxHighlighting::createBuiltin(QTextDocument *document,
                                                      const QString &language)
{
    if (!document)
        return nullptr;
    const QString name = canonical(language);
    if (name == QLatin1String("Markdown"))
        return new MarkdownHighlighter(document);
    if (name == QLatin1String("YAML"))
        return new YamlHighlighter(document);
    if (name == QLatin1String("JSON"))
        return new JsonHighlighter(document);
    if (name == QLatin1String("Diff"))
        return new DiffHighlighter(document);
    return nullptr;
}

QSyntaxHighlighter *SyntaxHighlighting::highlighterOf(const QTextDocument *document)
{
    return document ? document->findChild<QSyntaxHighlighter *>(QLatin1String(kObjectName),
                                                                Qt::FindDirectChildrenOnly)
                    : nullptr;
}

void SyntaxHighlighting::attach(QTextDocument *document, const QString &language)
{
    if (!document)
        return;
    // Detach first, so the old one's formats go before the new one highlights.
    if (QSyntaxHighlighter *old = highlighterOf(document)) {
        old->setDocument(nullptr);
        delete old;
    }
    const QString name = canonical(language);
    if (name.isEmpty())
        return;

    QSyntaxHighlighter *highlighter = nullptr;
#ifdef HAVE_KSYNTAXHIGHLIGHTING
    // KSyntaxHighlighting names these definitions exactly like our languages.
    const KSyntaxHighlighting::Definition definition = repository().definitionForName(name);
    if (definition.isValid()) {
        auto *ksh = new KSyntaxHighlighting::SyntaxHighlighter(document);
        ksh->setTheme(repository().themeForPalette(QGuiApplication::palette()));
        ksh->setDefinition(definition);
        highlighter = ksh;
    }
#endif
    if (!highlighter)
        highlighter = createBuiltin(document, name);
    if (highlighter)
        highlighter->setObjectName(QLatin1String(kObjectName));
}

} // namespace Promotion
