// SPDX-License-Identifier: GPL-3.0-or-later
// German as `promotion-console --lang de` loads it (TranslationLoader): every wizard page and
// the main window show German text, no English text that has a German translation leaks
// through (a string set without tr(), or before the translator), and numbers use the locale.
#include "coveragechartview.h"
#include "demo/demoworkspace.h"
#include "enginetext.h"
#include "followup/followupcheck.h"
#include "mainwindow.h"
#include "promotionwizard.h"
#include "reporttablemodel.h"
#include "testconfig.h"
#include "translationloader.h"
#include "uitextsupport.h"
#include "wizard/wizardpage.h"
#include "workflow/promotionengine.h"

#include <memory>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
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
    void engineWordsInGerman();

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
    // The engine's words on page 1 too: its checks and its summary.
    QVERIFY2(child<QLabel>(&wizard, "validateSummary")
                 ->text()
                 .contains(QStringLiteral("agent_orchestration auf development, Version ")),
             qPrintable(child<QLabel>(&wizard, "validateSummary")->text()));
    QVERIFY(!child<QListWidget>(&wizard, "validationChecks")
                 ->findItems(QStringLiteral("Komponentenverzeichnis vorhanden"), Qt::MatchContains)
                 .isEmpty());

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

void TestGerman::engineWordsInGerman()
{
    // The engine writes English (reports, the CLI, GitHub); the UI says it in German, with the
    // numbers in the locale.
    const auto de = [](const char *english) {
        return EngineText::display(QString::fromUtf8(english));
    };
    QCOMPARE(de("49 of 49 passed"), QStringLiteral("49 von 49 bestanden"));
    QCOMPARE(de("47 of 49 passed, 2 skipped"),
             QStringLiteral("47 von 49 bestanden, 2 übersprungen"));
    QCOMPARE(de("1234 of 1234 passed"), QStringLiteral("1.234 von 1.234 bestanden"));
    QCOMPARE(de("83.4 %"), QStringLiteral("83,4 %"));
    QCOMPARE(de("≥ 99.5 % passing"), QStringLiteral("≥ 99,5 % bestanden"));
    QCOMPARE(de("1 finding"), QStringLiteral("1 Befund"));
    QCOMPARE(de("3 findings"), QStringLiteral("3 Befunde"));
    QCOMPARE(de("≤ 0 findings"), QStringLiteral("≤ 0 Befunde"));
    QCOMPARE(de("≥ 1 file(s) matching tests/integration/**/test_*.py"),
             QStringLiteral("≥ 1 Datei(en) passend zu tests/integration/**/test_*.py"));
    QCOMPARE(de("last drill 3.5 days ago"), QStringLiteral("letzte Übung vor 3,5 Tagen"));
    QCOMPARE(de("Component directory exists"), QStringLiteral("Komponentenverzeichnis vorhanden"));
    QCOMPARE(de("No errors in logs"), QStringLiteral("Keine Fehler in den Logs"));
    QCOMPARE(de("6 log lines, no errors"), QStringLiteral("6 Logzeilen, keine Fehler"));
    QCOMPARE(de("7 samples, no trigger fired"),
             QStringLiteral("7 Messpunkte, kein Auslöser gegriffen"));
    QCOMPARE(de("6 of 6 gates passed"), QStringLiteral("6 von 6 Prüfungen bestanden"));
    QCOMPARE(de("dry run: 2 effect(s) recorded as \"would do\""),
             QStringLiteral("Probelauf: 2 Änderungen als „würde ausgeführt“ festgehalten"));
    QCOMPARE(de("Test coverage: 100.0 % (threshold ≥ 70 %)"),
             QStringLiteral("Test coverage: 100,0 % (Schwelle ≥ 70 %)"));
    QCOMPARE(de("issue rendered (promotion_issue.md), 2 approval(s) recorded"),
             QStringLiteral("Issue erstellt (promotion_issue.md), 2 Genehmigungen festgehalten"));
    QCOMPARE(de("issue https://github.com/o/r/issues/7, 1 approval(s) recorded"),
             QStringLiteral("Issue https://github.com/o/r/issues/7, 1 Genehmigung festgehalten"));
    // Step 4's blockers, joined with "; ": each part in German; a role's title is the policy's.
    QCOMPARE(de("waiting for approvals on https://github.com/o/r/issues/7: QA approval missing; "
                "Tech lead approval missing"),
             QStringLiteral("wartet auf Genehmigungen in https://github.com/o/r/issues/7: QA "
                            "approval fehlt; Tech lead approval fehlt"));
    QCOMPARE(de("issue https://github.com/o/r/issues/7, 2 approval(s) recorded; 3 GitHub "
                "action(s) pending: cannot reach GitHub"),
             QStringLiteral("Issue https://github.com/o/r/issues/7, 2 Genehmigungen festgehalten; "
                            "3 GitHub-Aktionen stehen aus: cannot reach GitHub"));
    QCOMPARE(de("QA approval missing (GitHub: HTTP 503)"),
             QStringLiteral("QA approval fehlt (GitHub: HTTP 503)"));
    // A tool's own sentence with a "; " in it is shown as written.
    QCOMPARE(de("coverage.xml unreadable; run pytest first"),
             QStringLiteral("coverage.xml unreadable; run pytest first"));
    // Data stays data: a version is not a number to localise, a name's "%2" is no placeholder.
    QCOMPARE(de("deployed billing 1.5 to staging"),
             QStringLiteral("billing 1.5 nach staging bereitgestellt"));
    QCOMPARE(de("deployed a%2b 1.0.0 to prod"),
             QStringLiteral("a%2b 1.0.0 nach prod bereitgestellt"));
    // What it does not know, such as a policy's gate title, is shown as written.
    QCOMPARE(de("Linting clean (flake8)"), QStringLiteral("Linting clean (flake8)"));
    QCOMPARE(de("exit code"), QStringLiteral("exit code"));
}

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
