// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Promotion {

/*!
 * \brief Installs the application's translations: English first (it holds the plural forms
 * of %n messages), then the language asked for, or the system's, and Qt's own strings for
 * it when Qt's translations are installed.
 *
 * With a \a language ("de", "de_AT"), QLocale::setDefault() follows it, so dates and
 * numbers match the text.
 */
class TranslationLoader final
{
public:
    static constexpr const char *kResourceDir = ":/i18n";

    /*! The locale \a language names, or the system's when it is empty. */
    static QLocale localeFor(const QString &language);

    /*! Returns false when no translation of the application was found for that language
     *  (English, which needs none, counts as found). */
    static bool install(QCoreApplication *app, const QString &language,
                        const QString &directory = QString::fromLatin1(kResourceDir));
};

} // namespace Promotion
