// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Promotion {

namespace {
bool load(QCoreApplication *app, const QLocale &locale, const QString &name, const QString &dir)
{
    auto *translator = new QTranslator(app);
    if (translator->load(locale, name, QStringLiteral("_"), dir)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}
} // namespace

QLocale TranslationLoader::localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale() : QLocale(language);
}

bool TranslationLoader::install(QCoreApplication *app, const QString &language,
                                const QString &directory)
{
    const QLocale locale = localeFor(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    const QString name = QStringLiteral("promotion-console");
    load(app, QLocale(QLocale::English), name, directory);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    load(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return load(app, locale, name, directory);
}

} // namespace Promotion
