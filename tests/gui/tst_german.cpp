// SPDX-License-Identifier: GPL-3.0-or-later
// German as `promotion-console --lang de` loads it (TranslationLoader): every wizard page and
// the main window show German text, no English text that has a German translation leaks
// through (a string set without tr(), or before the translator), and numbers use the locale.
#include "coveragechartview.h"
#include "followup/followupcheck.h"
#include "reporttablemodel.h"
#include "demo/demoworkspace.h"
#include "mainwindow.h"
#include "promotionwizard.h"
#include "testconfig.h"
#include "translationloader.h"
#include "uitextsupport.h"
#include "wizard/wizardpage.h"
#include "workflow/promotionengine.h"

#include <memory>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Promotion;

namespace {
template <typename T> T *child(const QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}
} // namespace

class TestGerman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardPagesSpeakGerman();
    void mainWindowSpeaksGerman();
    void numbersAndDatesFollowTheLocale();

private:
    /*! Texts of \a texts that are German translations, and those that are English sources
     *  with a different German translation. */
    void classify(const QStringList &texts, QStringList *german, QStringList *english) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QSet<QString> m_german;  //!< translations that differ from their source
    QSet<QString> m_english; //!< sources whose translation differs
};

void TestGerman::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("promotion-console-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_german"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
    QVERIFY2(TranslationLoader::install(qApp, QStringLiteral("de"), QStringLiteral(QM_DIR)),
             "no German translation in " QM_DIR);
    QCOMPARE(QLocale().language(), QLocale::German);

    // What German and English look like: the translation file itself.
    QFile ts(QStringLiteral(SOURCE_DIR "/translations/promotion-console_de.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source;
    QStringList translations;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && (xml.name() == QLatin1String("translation") ||
                                          xml.name() == QLatin1String("numerusform"))) {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!text.trimmed().isEmpty())
                translations.append(text);
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            for (const QString &t : std::as_const(translations)) {
                const QString de = UiText::plain(t);
                const QString en = UiText::plain(source);
                if (de != en && !de.contains(QLatin1Char('%'))) {
                    m_german.insert(de);
                }
                if (de != en && !en.contains(QLatin1Char('%')))
                    m_english.insert(en);
            }
            translations.clear();
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(m_german.size() > 200, "the German translation is nearly empty");

    m_dir = std::make_unique<QTemporaryDir>();
    m_root = m_dir->filePath(QStringLiteral("demo"));
    const QString error = DemoWorkspace::extractTo(m_root);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestGerman::classify(const QStringList &texts, QStringList *german, QStringList *english) const
{
    for (const QString &t : texts) {
        if (m_german.contains(t))
            german->append(t);
        if (m_english.contains(t))
            english->append(t);
    }
}

void TestGerman::wizardPagesSpeakGerman()
{
    PromotionWizard wizard(m_root);
    wizard.setComponent(QStringLiteral("agent_orchestration"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // Validate for real, so page 1 shows its results too.
    QTest::mouseClick(child<QPushButton>(&wizard, "validateButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.engine()->state().step(StepId::Validate).status ==
                                 StepStatus::Passed,
                             30000);
    QVERIFY(child<QLabel>(&wizard, "pageTitle")->text().startsWith(QStringLiteral("Schritt 1 von 6")));

    auto *stack = child<QStackedWidget>(&wizard, "wizardPages");
    QStringList problems;
    for (int i = 0; i < stack->count(); ++i) {
        auto *page = qobject_cast<WizardPage *>(stack->widget(i));
        QVERIFY(page);
        QStringList texts = UiText::texts(page);
        texts.append(UiText::plain(page->subtitle()));
        QStringList german;
        QStringList english;
        classify(texts, &german, &english);
        if (german.size() < 2)
            problems.append(QStringLiteral("%1: only %2 German text(s): %3")
                                .arg(page->objectName())
                                .arg(german.size())
                                .arg(texts.join(QStringLiteral(" | "))));
        for (const QString &e : std::as_const(english))
            problems.append(QStringLiteral("%1: English \"%2\"").arg(page->objectName(), e));
    }
    // The frame around the pages: step list, footer, title.
    QStringList frame = UiText::texts(&wizard);
    QStringList german;
    QStringList english;
    classify(frame, &german, &english);
    for (const char *expected : {"Aktuellen Zustand prüfen", "Weiter >", "Fertigstellen"}) {
        bool found = false;
        for (const QString &t : std::as_const(frame))
            found |= t.contains(QString::fromUtf8(expected));
        if (!found)
            problems.append(QStringLiteral("wizard: \"%1\" not shown").arg(QString::fromUtf8(expected)));
    }
    for (const QString &e : std::as_const(english))
        problems.append(QStringLiteral("wizard: English \"%1\"").arg(e));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QDir(wizard.engine()->runDir()).removeRecursively();
}

void TestGerman::mainWindowSpeaksGerman()
{
    MainWindow window;
    QVERIFY(window.openWorkspace(m_root));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList texts = UiText::texts(&window);
    for (const QAction *a : window.menuBar()->actions())
        texts.append(UiText::plain(a->text()));
    QStringList german;
    QStringList english;
    classify(texts, &german, &english);
    QVERIFY2(german.size() >= 5, qPrintable(texts.join(QStringLiteral(" | "))));
    QVERIFY(texts.contains(QStringLiteral("Datei")));
    QVERIFY(texts.contains(QStringLiteral("Komponente")));
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));
}

void TestGerman::numbersAndDatesFollowTheLocale()
{
    CoverageChartView chart;
    chart.setStages({{QStringLiteral("staging"), 70}});
    chart.setTargetStage(QStringLiteral("staging"));
    chart.setCoverage(55.6);
    QVERIFY2(chart.summaryText().contains(QStringLiteral("55,6 %")), qPrintable(chart.summaryText()));
    QVERIFY(chart.summaryText().contains(QStringLiteral("Schwellenwert")));
    QVERIFY(chart.dataAsText().contains(QStringLiteral("55,6")));
    const QDateTime when(QDate(2026, 3, 4), QTime(17, 5));
    QVERIFY(QLocale().toString(when, QLocale::ShortFormat).startsWith(QStringLiteral("04.03.26")));

    // The history's coverage column and the follow-ups panel's state.
    ReportSummary summary;
    summary.path = QStringLiteral("/reports/a.json");
    summary.component = QStringLiteral("billing");
    summary.coverage = 78.9;
    ReportTableModel reports;
    reports.setReports({summary});
    QCOMPARE(reports.index(0, ReportTableModel::CoverageColumn).data().toString(),
             QStringLiteral("78,9 %"));
    FollowUpCandidate due;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    due.dueAt = now.addSecs(5 * 3600);
    QCOMPARE(FollowUpCheck::statusText(due, now), QStringLiteral("Nachkontrolle fällig in 5 Std."));
    due.dueAt = now.addSecs(-60);
    QCOMPARE(FollowUpCheck::statusText(due, now), QStringLiteral("Nachkontrolle jetzt fällig"));
}

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
