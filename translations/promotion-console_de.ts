<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FollowUpCheck</name>
    <message>
        <source>follow-up FAILED %1: %2</source>
        <translation>Nachkontrolle FEHLGESCHLAGEN %1: %2</translation>
    </message>
    <message>
        <source>follow-up passed %1</source>
        <translation>Nachkontrolle bestanden %1</translation>
    </message>
    <message>
        <source>follow-up due now</source>
        <translation>Nachkontrolle jetzt fällig</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>follow-up due in %1 (passed early %2)</source>
        <translation>Nachkontrolle fällig in %1 (vorzeitig bestanden %2)</translation>
    </message>
    <message>
        <source>follow-up due in %1</source>
        <translation>Nachkontrolle fällig in %1</translation>
    </message>
</context>
<context>
    <name>Promotion::BacktestView</name>
    <message>
        <source>Gate:</source>
        <translation>Prüfung:</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwellenwert:</translation>
    </message>
    <message>
        <source>Target stage:</source>
        <translation>Zielstufe:</translation>
    </message>
    <message>
        <source>Last:</source>
        <translation>Letzte:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Back-test a Policy</source>
        <translation>Richtlinie im Backtest prüfen</translation>
    </message>
    <message>
        <source>Promotion policy (*.yaml *.yml)</source>
        <translation>Promotionsrichtlinie (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The policy cannot be read: %1</source>
        <translation>Die Richtlinie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; past promotions would have been blocked by %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; frühere Promotionen wären durch %2 blockiert worden</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Polic&amp;y File…</source>
        <translation>&amp;Richtliniendatei …</translation>
    </message>
</context>
<context>
    <name>Promotion::ChecklistModel</name>
    <message>
        <source>Approved by %1 on %2</source>
        <translation>Genehmigt von %1 am %2</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Proven automatically when these gates pass: %1; otherwise a person confirms it</source>
        <translation>Automatisch belegt, wenn diese Prüfungen bestehen: %1; sonst bestätigt es eine Person</translation>
    </message>
    <message>
        <source>Waiting for this approval</source>
        <translation>Wartet auf diese Genehmigung</translation>
    </message>
    <message>
        <source>Needs a person to confirm it</source>
        <translation>Muss von einer Person bestätigt werden</translation>
    </message>
    <message>
        <source>The promotion is busy with another step; try again when it has finished.</source>
        <translation>Die Promotion führt gerade einen anderen Schritt aus; versuchen Sie es erneut, wenn er beendet ist.</translation>
    </message>
    <message>
        <source>Nobody to record: set your name in Settings (identity) or in git&apos;s user.name.</source>
        <translation>Niemand zum Eintragen: Legen Sie Ihren Namen in den Einstellungen (Identität) oder in user.name von git fest.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Genehmigung</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Bestätigt von</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Read-only: the promotion has been executed, so this can no longer change</source>
        <translation>Schreibgeschützt: Die Promotion wurde ausgeführt, daher kann sich das nicht mehr ändern</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>ticked on GitHub</source>
        <translation>auf GitHub abgehakt</translation>
    </message>
    <message>
        <source>/approve on GitHub</source>
        <translation>/approve auf GitHub</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Kommandozeile</translation>
    </message>
    <message>
        <source>in the console</source>
        <translation>in der Konsole</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Promotion::ComponentListModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>no tests/%1/ directory</source>
        <translation>kein Verzeichnis tests/%1/</translation>
    </message>
    <message>
        <source>no specs/%1.md</source>
        <translation>keine Datei specs/%1.md</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1 %</translation>
    </message>
    <message>
        <source>blocked: the last promotion to %1 did not pass</source>
        <translation>blockiert: Die letzte Promotion nach %1 hat nicht bestanden</translation>
    </message>
    <message>
        <source>the last promotion to %1 failed</source>
        <translation>die letzte Promotion nach %1 ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Promotion::CoverageChartView</name>
    <message>
        <source>Coverage chart</source>
        <translation>Abdeckungsdiagramm</translation>
    </message>
    <message>
        <source>line coverage (%)</source>
        <translation>Zeilenabdeckung (%)</translation>
    </message>
    <message>
        <source>Coverage not measured yet; %1 needs %2.</source>
        <translation>Abdeckung noch nicht gemessen; %1 erfordert %2.</translation>
    </message>
    <message>
        <source>Coverage not measured yet.</source>
        <translation>Abdeckung noch nicht gemessen.</translation>
    </message>
    <message>
        <source>Coverage %1.</source>
        <translation>Abdeckung %1.</translation>
    </message>
    <message>
        <source>Coverage %1 meets the %2 threshold of %3.</source>
        <translation>Abdeckung %1 erreicht den Schwellenwert für %2 von %3.</translation>
    </message>
    <message>
        <source>Coverage %1 is below the %2 threshold of %3.</source>
        <translation>Abdeckung %1 liegt unter dem Schwellenwert für %2 von %3.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>Ctrl+C copies the chart&apos;s numbers</source>
        <translation>Strg+C kopiert die Zahlen des Diagramms</translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation>&amp;Daten kopieren</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>coverage threshold (%)</source>
        <translation>Abdeckungsschwelle (%)</translation>
    </message>
    <message>
        <source>measured coverage (%)</source>
        <translation>gemessene Abdeckung (%)</translation>
    </message>
</context>
<context>
    <name>Promotion::CriteriaPage</name>
    <message>
        <source>Promotion &amp;criteria (Space ticks the selected item)</source>
        <translation>Promotions&amp;kriterien (Leertaste hakt den gewählten Eintrag ab)</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>&amp;Nachweis</translation>
    </message>
    <message>
        <source>Review the promotion criteria. Items the gates proved are ticked with their evidence; tick the others once you have checked them.</source>
        <translation>Prüfen Sie die Promotionskriterien. Von den Prüfungen belegte Punkte sind mit ihrem Nachweis abgehakt; haken Sie die übrigen ab, sobald Sie sie geprüft haben.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✓ Proven automatically&lt;/b&gt; by the quality gates:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;✓ Automatisch belegt&lt;/b&gt; durch die Qualitätsprüfungen:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✓ Confirmed&lt;/b&gt; by %1 on %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;✓ Bestätigt&lt;/b&gt; von %1 am %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not yet confirmed.&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Noch nicht bestätigt.&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Optional: the promotion can go on without it.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Optional: Die Promotion kann auch ohne diesen Punkt fortgesetzt werden.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The criteria appear once the quality gates have passed.</source>
        <translation>Die Kriterien erscheinen, sobald die Qualitätsprüfungen bestanden sind.</translation>
    </message>
    <message>
        <source>✓ All required criteria are met.</source>
        <translation>✓ Alle erforderlichen Kriterien sind erfüllt.</translation>
    </message>
    <message>
        <source>1 required criterion still needs a tick.</source>
        <translation>1 erforderliches Kriterium muss noch abgehakt werden.</translation>
    </message>
    <message>
        <source>%1 required criteria still need a tick.</source>
        <translation>%1 erforderliche Kriterien müssen noch abgehakt werden.</translation>
    </message>
</context>
<context>
    <name>Promotion::DashboardView</name>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Rollback rate</source>
        <translation>Rücksetzquote</translation>
    </message>
    <message>
        <source>Promotion time (median)</source>
        <translation>Promotionsdauer (Median)</translation>
    </message>
    <message>
        <source>Promotion time (p90)</source>
        <translation>Promotionsdauer (p90)</translation>
    </message>
    <message>
        <source>Dry runs are left out. Success: promoted of all finished runs. Rollback: rolled back of all deployed runs. Time: promoted runs, start to report.</source>
        <translation>Probeläufe werden nicht mitgezählt. Erfolgsquote: promotete unter allen abgeschlossenen Läufen. Rücksetzquote: zurückgesetzte unter allen bereitgestellten Läufen. Dauer: promotete Läufe, vom Start bis zum Bericht.</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>%L1 min</source>
        <translation>%L1 min</translation>
    </message>
</context>
<context>
    <name>Promotion::EngineText</name>
    <message>
        <source>Component directory exists</source>
        <translation>Komponentenverzeichnis vorhanden</translation>
    </message>
    <message>
        <source>Tests directory exists</source>
        <translation>Testverzeichnis vorhanden</translation>
    </message>
    <message>
        <source>Specification file exists</source>
        <translation>Spezifikationsdatei vorhanden</translation>
    </message>
    <message>
        <source>Current stage documented</source>
        <translation>Aktuelle Stufe dokumentiert</translation>
    </message>
    <message>
        <source>Current stage matches the expected stage</source>
        <translation>Aktuelle Stufe entspricht der erwarteten</translation>
    </message>
    <message>
        <source>Target is the next stage</source>
        <translation>Ziel ist die nächste Stufe</translation>
    </message>
    <message>
        <source>Smoke tests pass</source>
        <translation>Smoke-Tests bestanden</translation>
    </message>
    <message>
        <source>Health checks pass</source>
        <translation>Health-Checks bestanden</translation>
    </message>
    <message>
        <source>Component status reports the new stage</source>
        <translation>Komponentenstatus meldet die neue Stufe</translation>
    </message>
    <message>
        <source>No errors in logs</source>
        <translation>Keine Fehler in den Logs</translation>
    </message>
    <message>
        <source>no tests ran</source>
        <translation>keine Tests gelaufen</translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 skipped</source>
        <translation>%1 von %2 bestanden, %3 übersprungen</translation>
    </message>
    <message>
        <source>%1 of %2 passed</source>
        <translation>%1 von %2 bestanden</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>last drill %1 days ago</source>
        <translation>letzte Übung vor %1 Tagen</translation>
    </message>
    <message>
        <source>≥ %1 % passing</source>
        <translation>≥ %1 % bestanden</translation>
    </message>
    <message>
        <source>≤ %1 findings</source>
        <translation>≤ %1 Befunde</translation>
    </message>
    <message>
        <source>≥ %1 file(s) matching %2</source>
        <translation>≥ %1 Datei(en) passend zu %2</translation>
    </message>
    <message>
        <source>&lt; %1 days</source>
        <translation>&lt; %1 Tage</translation>
    </message>
    <message>
        <source>≥ %1 %</source>
        <translation>≥ %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 at %2, version %3</source>
        <translation>%1 auf %2, Version %3</translation>
    </message>
    <message>
        <source>%1 of %2 gates passed</source>
        <translation>%1 von %2 Prüfungen bestanden</translation>
    </message>
    <message>
        <source>all %1 criteria met</source>
        <translation>alle %1 Kriterien erfüllt</translation>
    </message>
    <message>
        <source>deployed %1 %2 to %3</source>
        <translation>%1 %2 nach %3 bereitgestellt</translation>
    </message>
    <message numerus="yes">
        <source>dry run: %n effect(s) recorded as &quot;would do&quot;</source>
        <translation>
            <numerusform>Probelauf: %n Änderung als „würde ausgeführt“ festgehalten</numerusform>
            <numerusform>Probelauf: %n Änderungen als „würde ausgeführt“ festgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>dry run: validation would run after the deploy</source>
        <translation>Probelauf: die Validierung liefe nach der Bereitstellung</translation>
    </message>
    <message>
        <source>smoke tests, health checks and %1 s window passed</source>
        <translation>Smoke-Tests, Health-Checks und %1-s-Fenster bestanden</translation>
    </message>
    <message>
        <source>no endpoints configured</source>
        <translation>keine Endpunkte konfiguriert</translation>
    </message>
    <message>
        <source>Metrics within normal range</source>
        <translation>Metriken im normalen Bereich</translation>
    </message>
    <message>
        <source>%1 log lines, no errors</source>
        <translation>%1 Logzeilen, keine Fehler</translation>
    </message>
    <message>
        <source>%1 samples, no trigger fired; latency NOT evaluated (no baseline before the deploy)</source>
        <translation>%1 Messpunkte, kein Auslöser gegriffen; Latenz NICHT bewertet (keine Ausgangsmessung vor der Bereitstellung)</translation>
    </message>
    <message>
        <source>%1 samples, no trigger fired</source>
        <translation>%1 Messpunkte, kein Auslöser gegriffen</translation>
    </message>
    <message>
        <source>%1: %2 (threshold %3)</source>
        <translation>%1: %2 (Schwelle %3)</translation>
    </message>
    <message numerus="yes">
        <source>issue rendered (promotion_issue.md), %n approval(s) recorded</source>
        <translation>
            <numerusform>Issue erstellt (promotion_issue.md), %n Genehmigung festgehalten</numerusform>
            <numerusform>Issue erstellt (promotion_issue.md), %n Genehmigungen festgehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>issue %1, %n approval(s) recorded</source>
        <translation>
            <numerusform>Issue %1, %n Genehmigung festgehalten</numerusform>
            <numerusform>Issue %1, %n Genehmigungen festgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>GitHub&apos;s rate limit (X-RateLimit-Reset)</source>
        <translation>Ratenlimit von GitHub (X-RateLimit-Reset)</translation>
    </message>
    <message>
        <source>GitHub&apos;s secondary rate limit (Retry-After)</source>
        <translation>sekundäres Ratenlimit von GitHub (Retry-After)</translation>
    </message>
    <message>
        <source>waiting for approvals on %1: %2</source>
        <translation>wartet auf Genehmigungen in %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending: %2</source>
        <translation>
            <numerusform>%n GitHub-Aktion steht aus: %2</numerusform>
            <numerusform>%n GitHub-Aktionen stehen aus: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (GitHub: %2)</source>
        <translation>%1 (GitHub: %2)</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlt</translation>
    </message>
</context>
<context>
    <name>Promotion::ExecutePage</name>
    <message>
        <source>&amp;Changes to metadata and documentation</source>
        <translation>Änderungen an &amp;Metadaten und Dokumentation</translation>
    </message>
    <message>
        <source>Deployment output</source>
        <translation>Ausgabe der Bereitstellung</translation>
    </message>
    <message>
        <source>Review what the promotion changes, then promote: metadata and documentation are updated, the deploy commands run, and the AI-context note is recorded.</source>
        <translation>Prüfen Sie, was die Promotion ändert, und promoten Sie dann: Metadaten und Dokumentation werden aktualisiert, die Bereitstellungsbefehle laufen, und die KI-Kontextnotiz wird festgehalten.</translation>
    </message>
    <message>
        <source> &lt;i&gt;(cannot be expanded yet: %1)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(noch nicht auflösbar: %1)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&amp;Changes to metadata and documentation (preview — nothing written yet)</source>
        <translation>Änderungen an &amp;Metadaten und Dokumentation (Vorschau – noch nichts geschrieben)</translation>
    </message>
    <message>
        <source>The changes cannot be planned: %1</source>
        <translation>Die Änderungen können nicht geplant werden: %1</translation>
    </message>
    <message>
        <source>(no metadata or documentation changes)</source>
        <translation>(keine Änderungen an Metadaten oder Dokumentation)</translation>
    </message>
    <message>
        <source>&amp;Changes that would be made (dry run: nothing written)</source>
        <translation>Ä&amp;nderungen, die vorgenommen würden (Probelauf: nichts geschrieben)</translation>
    </message>
    <message>
        <source>&amp;Changes made to metadata and documentation</source>
        <translation>&amp;Vorgenommene Änderungen an Metadaten und Dokumentation</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 → %3%4. Commands, in order (the rollback ones run only if the promotion is rolled back):&lt;ul style=&quot;margin-top:0&quot;&gt;%5&lt;/ul&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 → %3%4. Befehle in dieser Reihenfolge (die Rücksetzbefehle laufen nur, wenn die Promotion zurückgesetzt wird):&lt;ul style=&quot;margin-top:0&quot;&gt;%5&lt;/ul&gt;</translation>
    </message>
    <message>
        <source> — &lt;b&gt;dry run&lt;/b&gt;: every change is recorded as “would do”</source>
        <translation> – &lt;b&gt;Probelauf&lt;/b&gt;: Jede Änderung wird als „würde ausgeführt“ festgehalten</translation>
    </message>
    <message>
        <source>&amp;Record dry run</source>
        <translation>Probelauf &amp;aufzeichnen</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>P&amp;romoten</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Approvals are needed before promoting.</source>
        <translation>Vor dem Promoten sind Genehmigungen nötig.</translation>
    </message>
    <message numerus="yes">
        <source>Promoting… %n change(s) recorded so far.</source>
        <translation>
            <numerusform>Promotion läuft … %n Änderung bisher festgehalten.</numerusform>
            <numerusform>Promotion läuft … %n Änderungen bisher festgehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Output of the failing command</source>
        <translation>Ausgabe des fehlgeschlagenen Befehls</translation>
    </message>
    <message numerus="yes">
        <source>(failed %n time(s); the last attempt&apos;s output)</source>
        <translation>
            <numerusform>(%n-mal fehlgeschlagen; Ausgabe des letzten Versuchs)</numerusform>
            <numerusform>(%n-mal fehlgeschlagen; Ausgabe des letzten Versuchs)</numerusform>
        </translation>
    </message>
    <message>
        <source> — fix the cause, then Promote to deploy again (or Finish to record the failure).</source>
        <translation> – beheben Sie die Ursache und wählen Sie dann „Promoten“, um erneut bereitzustellen (oder „Fertigstellen“, um den Fehlschlag festzuhalten).</translation>
    </message>
</context>
<context>
    <name>Promotion::FollowUpPanel</name>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Follow-up (24 h after the promotion)</source>
        <translation>Nachkontrolle (24 h nach der Promotion)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachkontrollen</translation>
    </message>
    <message>
        <source>Re-check health, status and the metrics window of the selected promotion now, like promotion-console follow-up --now</source>
        <translation>Zustand, Status und das Metrik-Zeitfenster der gewählten Promotion jetzt erneut prüfen, wie promotion-console follow-up --now</translation>
    </message>
    <message>
        <source>No promotion to follow up yet.</source>
        <translation>Noch keine Promotion zur Nachkontrolle.</translation>
    </message>
    <message>
        <source>The policy is invalid: %1</source>
        <translation>Die Richtlinie ist ungültig: %1</translation>
    </message>
    <message>
        <source>✓ %1 %2: %3</source>
        <translation>✓ %1 %2: %3</translation>
    </message>
    <message>
        <source>✗ %1 %2: %3</source>
        <translation>✗ %1 %2: %3</translation>
    </message>
    <message>
        <source>Reading the reports…</source>
        <translation>Berichte werden gelesen …</translation>
    </message>
</context>
<context>
    <name>Promotion::GateResultsModel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>needs attestation</source>
        <translation>braucht Bestätigung</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>attested</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>Measured: %1 — threshold: %2</source>
        <translation>Gemessen: %1 – Schwellenwert: %2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Tool: %1</source>
        <translation>Werkzeug: %1</translation>
    </message>
    <message>
        <source>Attested by %1 at %2%3</source>
        <translation>Bestätigt von %1 am %2%3</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Promotion::GatesPage</name>
    <message>
        <source>&amp;Quality gates</source>
        <translation>&amp;Qualitätsprüfungen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Run gates</source>
        <translation>Prüfungen &amp;starten</translation>
    </message>
    <message>
        <source>Cancel &amp;gates</source>
        <translation>Prüfungen a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Re&amp;try failed</source>
        <translation>Fehlgeschlagene wiederho&amp;len</translation>
    </message>
    <message>
        <source>Run the gates again; gates that passed keep their result</source>
        <translation>Die Prüfungen erneut ausführen; bestandene behalten ihr Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Attest…</source>
        <translation>B&amp;estätigen …</translation>
    </message>
    <message>
        <source>Record your word for the selected gate, which no tool can measure</source>
        <translation>Ihre Zusage für die gewählte Prüfung festhalten, die kein Werkzeug messen kann</translation>
    </message>
    <message>
        <source>Open c&amp;overage report</source>
        <translation>&amp;Abdeckungsbericht öffnen</translation>
    </message>
    <message>
        <source>S&amp;kip quality gates…</source>
        <translation>Prüfun&amp;gen überspringen …</translation>
    </message>
    <message>
        <source>Skip every gate; the reason is recorded in the issue and the report</source>
        <translation>Alle Prüfungen überspringen; der Grund wird im Issue und im Bericht festgehalten</translation>
    </message>
    <message>
        <source>— %1: %2%3</source>
        <translation>– %1: %2%3</translation>
    </message>
    <message>
        <source>Run the quality gates of this transition. Every gate must pass, be attested, or the gates are skipped with a reason that goes on record.</source>
        <translation>Führen Sie die Qualitätsprüfungen dieses Übergangs aus. Jede Prüfung muss bestehen oder bestätigt werden, oder die Prüfungen werden mit einem festgehaltenen Grund übersprungen.</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Ausgabe von %1</translation>
    </message>
    <message>
        <source>The quality gates were not skipped: %1.</source>
        <translation>Die Qualitätsprüfungen wurden nicht übersprungen: %1.</translation>
    </message>
    <message>
        <source>Skip Quality Gates</source>
        <translation>Qualitätsprüfungen überspringen</translation>
    </message>
    <message>
        <source>These gates will NOT be checked:
%1

Why are they skipped? Write a sentence (at least %2 characters and %3 words). The reason and your name (%4) are recorded in the issue and the report%5.</source>
        <translation>Diese Prüfungen werden NICHT ausgeführt:
%1

Warum werden sie übersprungen? Schreiben Sie einen Satz (mindestens %2 Zeichen und %3 Wörter). Der Grund und Ihr Name (%4) werden im Issue und im Bericht festgehalten%5.</translation>
    </message>
    <message>
        <source>, and a second person in the role &apos;%1&apos; must approve</source>
        <translation>, und eine zweite Person in der Rolle „%1“ muss zustimmen</translation>
    </message>
    <message>
        <source>&amp;Skip gates</source>
        <translation>Prüfungen ü&amp;berspringen</translation>
    </message>
    <message>
        <source>The quality gates were not skipped: a reason is required.</source>
        <translation>Die Qualitätsprüfungen wurden nicht übersprungen: Ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>Approve Skipping the Quality Gates</source>
        <translation>Überspringen der Qualitätsprüfungen genehmigen</translation>
    </message>
    <message>
        <source>Who approves skipping the quality gates as %1? It must be someone other than you (%2).</source>
        <translation>Wer genehmigt als %1 das Überspringen der Qualitätsprüfungen? Es muss jemand anderes sein als Sie (%2).</translation>
    </message>
    <message>
        <source>&amp;Approve and skip</source>
        <translation>&amp;Genehmigen und überspringen</translation>
    </message>
    <message>
        <source>Attest Gate</source>
        <translation>Prüfung bestätigen</translation>
    </message>
    <message>
        <source>You (%1) attest that “%2” holds. Your name and the time are recorded.
Note (optional, e.g. where the evidence is):</source>
        <translation>Sie (%1) bestätigen, dass „%2“ zutrifft. Ihr Name und die Uhrzeit werden festgehalten.
Notiz (optional, z. B. wo der Nachweis liegt):</translation>
    </message>
    <message>
        <source>&amp;Attest</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Nobody to record: set your name in Settings or in git&apos;s user.name.</source>
        <translation>Niemand zum Eintragen: Legen Sie Ihren Namen in den Einstellungen oder in user.name von git fest.</translation>
    </message>
    <message>
        <source>Validate the component first.</source>
        <translation>Prüfen Sie zuerst die Komponente.</translation>
    </message>
    <message numerus="yes">
        <source>Press Run gates to run the %n gate(s) of %1 → %2.</source>
        <translation>
            <numerusform>Drücken Sie „Prüfungen starten“, um die %n Prüfung von %1 → %2 auszuführen.</numerusform>
            <numerusform>Drücken Sie „Prüfungen starten“, um die %n Prüfungen von %1 → %2 auszuführen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running… %1 of %2 gates finished.</source>
        <translation>Läuft … %1 von %2 Prüfungen beendet.</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>need attestation: %1 (select it and press Attest…)</source>
        <translation>brauchen Bestätigung: %1 (auswählen und „Bestätigen …“ drücken)</translation>
    </message>
    <message>
        <source>✗ Blocked — %1. Fix and retry, or skip with a reason.</source>
        <translation>✗ Blockiert – %1. Beheben und wiederholen oder mit Begründung überspringen.</translation>
    </message>
</context>
<context>
    <name>Promotion::HealthChartView</name>
    <message>
        <source>Latency and error rate chart</source>
        <translation>Diagramm von Latenz und Fehlerrate</translation>
    </message>
    <message>
        <source>seconds since window start</source>
        <translation>Sekunden seit Beginn des Zeitfensters</translation>
    </message>
    <message>
        <source>p95 latency (ms)</source>
        <translation>p95-Latenz (ms)</translation>
    </message>
    <message>
        <source>error rate (%)</source>
        <translation>Fehlerrate (%)</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>error rate limit</source>
        <translation>Grenze der Fehlerrate</translation>
    </message>
    <message>
        <source>latency limit</source>
        <translation>Latenzgrenze</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>error rate limit %1 %</source>
        <translation>Grenze der Fehlerrate %1 %</translation>
    </message>
    <message>
        <source>latency limit %1 ms</source>
        <translation>Latenzgrenze %1 ms</translation>
    </message>
    <message>
        <source>Ctrl+C copies the samples</source>
        <translation>Strg+C kopiert die Messungen</translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation>&amp;Daten kopieren</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Promotion::HistoryPanel</name>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen …</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Select two reports to compare them</source>
        <translation>Wählen Sie zwei Berichte, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Reading reports… %v of %m</source>
        <translation>Berichte werden gelesen … %v von %m</translation>
    </message>
    <message>
        <source>Filter: component, approver, gate, message…</source>
        <translation>Filter: Komponente, Genehmigende, Prüfung, Meldung …</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Compare with &amp;Previous</source>
        <translation>Mit Vor&amp;gänger vergleichen</translation>
    </message>
    <message>
        <source>Compare the selected report with the previous promotion of the same component</source>
        <translation>Den gewählten Bericht mit der vorherigen Promotion derselben Komponente vergleichen</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>&amp;Markdown …</translation>
    </message>
    <message>
        <source>&amp;HTML Dashboard…</source>
        <translation>&amp;HTML-Dashboard …</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>&amp;PDF …</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Export the selected report, or the two selected compared</source>
        <translation>Den gewählten Bericht exportieren oder die zwei gewählten als Vergleich</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Also list the reports of another folder, for example a shared checkout of several repositories</source>
        <translation>Auch die Berichte eines weiteren Ordners auflisten, zum Beispiel eines gemeinsamen Checkouts mehrerer Repositorys</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Trends</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Da&amp;shboard</translation>
    </message>
    <message>
        <source>&amp;Back-test</source>
        <translation>Ba&amp;cktest</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n Bericht</numerusform>
            <numerusform>%n Berichte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n report(s)</source>
        <translation>
            <numerusform>%1 von %n Bericht</numerusform>
            <numerusform>%1 von %n Berichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare the two selected reports</source>
        <translation>Die zwei gewählten Berichte vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) from before the hash chain (unchained)</source>
        <translation>
            <numerusform>%n Bericht aus der Zeit vor der Hash-Kette (nicht verkettet)</numerusform>
            <numerusform>%n Berichte aus der Zeit vor der Hash-Kette (nicht verkettet)</numerusform>
        </translation>
    </message>
    <message>
        <source>The reports&apos; hash chain is broken at %1 (%2): %3</source>
        <translation>Die Hash-Kette der Berichte ist bei %1 (%2) unterbrochen: %3</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Add a Reports Folder</source>
        <translation>Berichtsordner hinzufügen</translation>
    </message>
</context>
<context>
    <name>Promotion::LocationOpener</name>
    <message>
        <source>Cannot Open the Folder</source>
        <translation>Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Open the File</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No application is set up to open folders on this desktop.</source>
        <translation>Auf diesem Desktop ist keine Anwendung zum Öffnen von Ordnern eingerichtet.</translation>
    </message>
    <message>
        <source>No application is set up to open this file on this desktop.</source>
        <translation>Auf diesem Desktop ist keine Anwendung zum Öffnen dieser Datei eingerichtet.</translation>
    </message>
    <message>
        <source>It is at %1</source>
        <translation>Der Pfad ist %1</translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation>Pfad &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Promotion::LogView</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest output in view (End)</source>
        <translation>Die neueste Ausgabe im Blick behalten (Ende)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>Die gewählten Zeilen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save the whole log to a file (Ctrl+S)</source>
        <translation>Das ganze Protokoll in eine Datei speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>Im Protokoll suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Tool output</source>
        <translation>Werkzeugausgabe</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the search bar (Esc)</source>
        <translation>Die Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>No output yet</source>
        <translation>Noch keine Ausgabe</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 lines, showing %2–%3 (scrollback %4)</source>
        <translation>%1 Zeilen, angezeigt %2–%3 (Verlauf %4)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Line %1 (wrapped)</source>
        <translation>Zeile %1 (umbrochen)</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Copied 1 line</source>
        <translation>1 Zeile kopiert</translation>
    </message>
    <message>
        <source>Copied %1 lines</source>
        <translation>%1 Zeilen kopiert</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>&amp;Match case</source>
        <translation>Groß-/&amp;Kleinschreibung beachten</translation>
    </message>
</context>
<context>
    <name>Promotion::MainWindow</name>
    <message>
        <source>Promotion Console</source>
        <translation>Promotion Console</translation>
    </message>
    <message>
        <source>Open a workspace to see its components</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Komponenten zu sehen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Promotion Console</source>
        <translation>&amp;Über Promotion Console</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>Trust This Workspace&apos;s Policy?</source>
        <translation>Der Richtlinie dieses Arbeitsbereichs vertrauen?</translation>
    </message>
    <message>
        <source>%1 has a promotion.yaml this application has not run before. Its commands run on this machine, with your permissions.</source>
        <translation>%1 enthält eine promotion.yaml, die diese Anwendung noch nie ausgeführt hat. Ihre Befehle laufen auf diesem Rechner mit Ihren Rechten.</translation>
    </message>
    <message>
        <source>Review the commands (Show Details…). Trust them only if you trust who wrote this policy; any change to it asks again.</source>
        <translation>Prüfen Sie die Befehle (Details einblenden …). Vertrauen Sie ihnen nur, wenn Sie der Person vertrauen, die diese Richtlinie geschrieben hat; jede Änderung fragt erneut.</translation>
    </message>
    <message>
        <source>&amp;Trust and Continue</source>
        <translation>&amp;Vertrauen und fortfahren</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Run Anything</source>
        <translation>&amp;Nichts ausführen</translation>
    </message>
    <message>
        <source>The workspace&apos;s policy is not trusted: nothing will run until you trust it</source>
        <translation>Der Richtlinie des Arbeitsbereichs wird nicht vertraut: Nichts läuft, bis Sie ihr vertrauen</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>%1 — Promotion Console</source>
        <translation>%1 – Promotion Console</translation>
    </message>
    <message>
        <source>No components found: expected src/&lt;component&gt;/__init__.py under %1</source>
        <translation>Keine Komponenten gefunden: src/&lt;Komponente&gt;/__init__.py unter %1 erwartet</translation>
    </message>
    <message>
        <source>Select a component and choose Promote… (Ctrl+P) to start the six steps</source>
        <translation>Wählen Sie eine Komponente und dann „Promoten …“ (Strg+P), um die sechs Schritte zu beginnen</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>About Promotion Console</source>
        <translation>Über Promotion Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Promotion Console %1&lt;/h3&gt;&lt;p&gt;Promotes a component through development, staging and production, with quality gates, criteria, approvals, deployment and validation.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Promotion Console %1&lt;/h3&gt;&lt;p&gt;Befördert eine Komponente durch Entwicklung, Staging und Produktion – mit Qualitätsprüfungen, Kriterien, Genehmigungen, Bereitstellung und Validierung.&lt;/p&gt;&lt;p&gt;Lizenz: GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>&amp;Promoten …</translation>
    </message>
    <message>
        <source>Promote the selected component to its next stage (Ctrl+P)</source>
        <translation>Die gewählte Komponente in ihre nächste Stufe befördern (Strg+P)</translation>
    </message>
    <message>
        <source>Unfinished Promotion</source>
        <translation>Unvollendete Promotion</translation>
    </message>
    <message>
        <source>%1 has an unfinished promotion to %2, started %3 by %4 (step %5 · %6).</source>
        <translation>%1 hat eine unvollendete Promotion nach %2, begonnen %3 von %4 (Schritt %5 · %6).</translation>
    </message>
    <message>
        <source>Resume it, or start a new promotion? The unfinished run stays listed until it is resumed or discarded.</source>
        <translation>Fortsetzen oder eine neue Promotion beginnen? Der unvollendete Lauf bleibt aufgeführt, bis er fortgesetzt oder verworfen wird.</translation>
    </message>
    <message>
        <source>&amp;Resume It</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Start &amp;New</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>Finish or close the open promotion before resuming another one</source>
        <translation>Beenden oder schließen Sie die offene Promotion, bevor Sie eine andere fortsetzen</translation>
    </message>
    <message>
        <source>Cannot resume the promotion of %1: %2</source>
        <translation>Die Promotion von %1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Discard the Promotion?</source>
        <translation>Promotion verwerfen?</translation>
    </message>
    <message>
        <source>Discard the unfinished promotion of %1 (run %2)?</source>
        <translation>Die unvollendete Promotion von %1 (Lauf %2) verwerfen?</translation>
    </message>
    <message>
        <source>It is no longer offered for resuming. Nothing is undone and nothing is deleted: whatever the run changed stays as it is, and its journal stays in %1.</source>
        <translation>Sie wird nicht mehr zum Fortsetzen angeboten. Nichts wird rückgängig gemacht und nichts gelöscht: Was der Lauf geändert hat, bleibt bestehen, und sein Journal bleibt in %1.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Discarded the unfinished promotion of %1</source>
        <translation>Die unvollendete Promotion von %1 wurde verworfen</translation>
    </message>
    <message>
        <source>Cannot discard run %1: %2</source>
        <translation>Lauf %1 kann nicht verworfen werden: %2</translation>
    </message>
    <message>
        <source>Quit Promotion Console?</source>
        <translation>Promotion Console beenden?</translation>
    </message>
    <message>
        <source>A promotion is running.</source>
        <translation>Eine Promotion läuft.</translation>
    </message>
    <message>
        <source>A promotion is open and not finished.</source>
        <translation>Eine Promotion ist offen und nicht beendet.</translation>
    </message>
    <message>
        <source>Leave stops what runs now (a rollback in progress finishes first) and quits; the run stays resumable from the main window. Stay keeps everything as it is.</source>
        <translation>„Verlassen“ stoppt, was gerade läuft (ein laufendes Zurücksetzen wird zuerst beendet), und beendet das Programm; der Lauf kann im Hauptfenster fortgesetzt werden. „Bleiben“ lässt alles, wie es ist.</translation>
    </message>
    <message>
        <source>Leave quits; the run stays resumable from the main window. Stay keeps everything as it is.</source>
        <translation>„Verlassen“ beendet das Programm; der Lauf kann im Hauptfenster fortgesetzt werden. „Bleiben“ lässt alles, wie es ist.</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bleiben</translation>
    </message>
    <message>
        <source>&amp;Leave (the run stays resumable)</source>
        <translation>&amp;Verlassen (der Lauf bleibt fortsetzbar)</translation>
    </message>
    <message>
        <source>Quitting when the rollback in progress has finished…</source>
        <translation>Beenden, sobald das laufende Zurücksetzen fertig ist …</translation>
    </message>
    <message>
        <source>Stopping the promotion, then quitting…</source>
        <translation>Die Promotion wird gestoppt, dann beendet …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Compare Reports…</source>
        <translation>Berichte &amp;vergleichen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n Komponente</numerusform>
            <numerusform>%n Komponenten</numerusform>
        </translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation>eingebaute Vorgabe</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
    <message>
        <source>The built-in default policy (the seed workflow)</source>
        <translation>Die eingebaute Standardrichtlinie (der Seed-Ablauf)</translation>
    </message>
    <message>
        <source>Policy: %1 (invalid)</source>
        <translation>Richtlinie: %1 (ungültig)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The promotion policy is invalid: nothing can run until it is fixed.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Promotionsrichtlinie ist ungültig: Nichts kann laufen, bis sie korrigiert ist.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent workspaces</source>
        <translation>%1 existiert nicht mehr; der Eintrag wurde aus den zuletzt geöffneten Arbeitsbereichen entfernt</translation>
    </message>
    <message>
        <source>&amp;Promotion</source>
        <translation>&amp;Promotion</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachkontrollen</translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation>&amp;Komponenten</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>The follow-up of %1 in %2 failed: %3</source>
        <translation>Die Nachkontrolle von %1 in %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Follow-up Failed</source>
        <translation>Nachkontrolle fehlgeschlagen</translation>
    </message>
    <message>
        <source>Roll back as the policy plans it:</source>
        <translation>Zurücksetzen, wie es die Richtlinie vorsieht:</translation>
    </message>
    <message>
        <source>The rollback issue could not be filed: %1</source>
        <translation>Das Issue für das Zurücksetzen konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Rollback issue: %1</source>
        <translation>Issue für das Zurücksetzen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Its %n queued GitHub action(s) will not be sent.</source>
        <translation>
            <numerusform>Die %n vorgemerkte GitHub-Aktion wird dann nicht gesendet.</numerusform>
            <numerusform>Die %n vorgemerkten GitHub-Aktionen werden dann nicht gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::PostValidationPage</name>
    <message>
        <source>&amp;Checks</source>
        <translation>Kon&amp;trollen</translation>
    </message>
    <message>
        <source>Smoke test and rollback output</source>
        <translation>Ausgabe von Smoke-Tests und Zurücksetzen</translation>
    </message>
    <message>
        <source>Run &amp;validation</source>
        <translation>&amp;Validierung starten</translation>
    </message>
    <message>
        <source>R&amp;oll back…</source>
        <translation>Zu&amp;rücksetzen …</translation>
    </message>
    <message>
        <source>Undo the deployment now and restore the metadata</source>
        <translation>Die Bereitstellung jetzt rückgängig machen und die Metadaten wiederherstellen</translation>
    </message>
    <message>
        <source>After the deploy: smoke tests, health and status checks, then the metrics over the verification window. A rollback trigger undoes the deployment.</source>
        <translation>Nach der Bereitstellung: Smoke-Tests, Zustands- und Statusprüfungen, dann die Metriken über das Prüffenster. Ein Auslöser für das Zurücksetzen macht die Bereitstellung rückgängig.</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Roll back %1 in %2 now? The policy&apos;s rollback command runs and the metadata is restored.
Reason (recorded in the report):</source>
        <translation>%1 in %2 jetzt zurücksetzen? Der Rücksetzbefehl der Richtlinie läuft, und die Metadaten werden wiederhergestellt.
Grund (wird im Bericht festgehalten):</translation>
    </message>
    <message>
        <source>rolled back by %1 from the wizard</source>
        <translation>von %1 im Assistenten zurückgesetzt</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>No latency baseline: %1</source>
        <translation>Kein Latenz-Ausgangswert: %1</translation>
    </message>
    <message>
        <source>Would check: %1</source>
        <translation>Würde prüfen: %1</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Wird zurückgesetzt …</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>⟲ Rolled back: %1</source>
        <translation>⟲ Zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>Validation has not run yet.</source>
        <translation>Die Validierung ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <source>Promote first (page 5).</source>
        <translation>Zuerst promoten (Seite 5).</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <source>Watching the metrics: %n sample(s).</source>
        <translation>
            <numerusform>Metriken werden beobachtet: %n Messung.</numerusform>
            <numerusform>Metriken werden beobachtet: %n Messungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Baseline before the deploy: error rate %L1 %, p95 %L2 ms. Rollback when the error rate exceeds %L3 % or p95 exceeds %L4 ms (+%L5 %).</source>
        <translation>Ausgangswert vor der Bereitstellung: Fehlerrate %L1 %, p95 %L2 ms. Zurücksetzen, wenn die Fehlerrate %L3 % oder p95 %L4 ms (+%L5 %) übersteigt.</translation>
    </message>
    <message>
        <source>Rollback when the error rate exceeds %L1 %.</source>
        <translation>Zurücksetzen, wenn die Fehlerrate %L1 % übersteigt.</translation>
    </message>
    <message>
        <source>Deployment lo&amp;g (streamed during the window)</source>
        <translation>Bereitstellungs&amp;log (live während des Prüffensters)</translation>
    </message>
    <message>
        <source>The component&apos;s dashboard (policy monitoring.dashboard_url), showing the verification window</source>
        <translation>Das Dashboard der Komponente (Richtlinie monitoring.dashboard_url) mit dem Prüffenster</translation>
    </message>
    <message>
        <source>%1 (%2): %3m CPU, %4 MiB</source>
        <translation>%1 (%2): %3m CPU, %4 MiB</translation>
    </message>
    <message>
        <source>Pods: %1</source>
        <translation>Pods: %1</translation>
    </message>
    <message>
        <source>Match ca&amp;se</source>
        <translation>Groß-/Klein&amp;schreibung beachten</translation>
    </message>
    <message>
        <source>Open dashboard &amp;in Grafana</source>
        <translation>Dashboard &amp;in Grafana öffnen</translation>
    </message>
</context>
<context>
    <name>Promotion::PromotionWizard</name>
    <message>
        <source>Promote a Component — %1</source>
        <translation>Eine Komponente promoten – %1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>Next step (Ctrl+Enter)</source>
        <translation>Nächster Schritt (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Write the promotion report and end the run</source>
        <translation>Den Promotionsbericht schreiben und den Lauf beenden</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>this wizard already has a run</source>
        <translation>dieser Assistent hat bereits einen Lauf</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>Schritt %1 von %2 · %3</translation>
    </message>
    <message>
        <source>The inputs cannot change once the quality gates have run; cancel and start a new promotion.</source>
        <translation>Die Eingaben können nach den Qualitätsprüfungen nicht mehr geändert werden; brechen Sie ab und beginnen Sie eine neue Promotion.</translation>
    </message>
    <message>
        <source>Cannot start the promotion: %1</source>
        <translation>Die Promotion kann nicht beginnen: %1</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>These inputs are fixed: the quality gates of this run have started. Cancel and start a new promotion to change them.</source>
        <translation>Diese Eingaben stehen fest: Die Qualitätsprüfungen dieses Laufs haben begonnen. Brechen Sie ab und beginnen Sie eine neue Promotion, um sie zu ändern.</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Run %1 (%2). Report saved to %3</source>
        <translation>Lauf %1 (%2). Bericht gespeichert in %3</translation>
    </message>
    <message>
        <source>Rollback in Progress</source>
        <translation>Zurücksetzen läuft</translation>
    </message>
    <message>
        <source>A rollback is in progress; the window closes when it has finished.</source>
        <translation>Ein Zurücksetzen läuft; das Fenster schließt sich, wenn es beendet ist.</translation>
    </message>
    <message>
        <source>Leave the Promotion?</source>
        <translation>Die Promotion verlassen?</translation>
    </message>
    <message>
        <source>The promotion of %1 to %2 is not finished.</source>
        <translation>Die Promotion von %1 nach %2 ist nicht beendet.</translation>
    </message>
    <message>
        <source>The run is kept and can be resumed later from the main window.</source>
        <translation>Der Lauf bleibt erhalten und kann später im Hauptfenster fortgesetzt werden.</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Bleiben</translation>
    </message>
    <message>
        <source>Stop the Promotion?</source>
        <translation>Die Promotion stoppen?</translation>
    </message>
    <message>
        <source>The promotion of %1 to %2 is running a step.</source>
        <translation>Die Promotion von %1 nach %2 führt gerade einen Schritt aus.</translation>
    </message>
    <message>
        <source>Stopping ends the command that runs now; nothing is rolled back, and the run can be resumed later from the main window. The window closes once the step has stopped.</source>
        <translation>Stoppen beendet den laufenden Befehl; nichts wird zurückgesetzt, und der Lauf kann später im Hauptfenster fortgesetzt werden. Das Fenster schließt sich, sobald der Schritt gestoppt ist.</translation>
    </message>
    <message>
        <source>S&amp;top and keep the run resumable</source>
        <translation>&amp;Stoppen, Lauf bleibt fortsetzbar</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>S&amp;how in folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>&amp;Finish (record as blocked)</source>
        <translation>&amp;Fertigstellen (als blockiert festhalten)</translation>
    </message>
    <message>
        <source>&amp;Finish (record as failed)</source>
        <translation>&amp;Fertigstellen (als fehlgeschlagen festhalten)</translation>
    </message>
    <message>
        <source>Write the promotion report with this blocked result and end the run; the component stays where it is</source>
        <translation>Den Promotionsbericht mit diesem blockierten Ergebnis schreiben und den Lauf beenden; die Komponente bleibt, wo sie ist</translation>
    </message>
    <message>
        <source>Write the promotion report with this failed result and end the run</source>
        <translation>Den Promotionsbericht mit diesem fehlgeschlagenen Ergebnis schreiben und den Lauf beenden</translation>
    </message>
    <message>
        <source>&amp;Dry run (change nothing)</source>
        <translation>&amp;Probelauf (nichts ändern)</translation>
    </message>
    <message>
        <source>Run every check and record what would be done; change nothing</source>
        <translation>Alle Prüfungen ausführen und festhalten, was getan würde; nichts ändern</translation>
    </message>
</context>
<context>
    <name>Promotion::ReportCompareDialog</name>
    <message>
        <source> · dry run</source>
        <translation> · Probelauf</translation>
    </message>
    <message>
        <source>Compare Reports</source>
        <translation>Berichte vergleichen</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Measured A</source>
        <translation>Gemessen A</translation>
    </message>
    <message>
        <source>Measured B</source>
        <translation>Gemessen B</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;A&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: %1</source>
        <translation>&lt;b&gt;B&lt;/b&gt;: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Gates that changed</source>
        <translation>Geänderte Prüfungen</translation>
    </message>
    <message>
        <source>Criteria that changed</source>
        <translation>Geänderte Kriterien</translation>
    </message>
    <message>
        <source>Tool versions that changed</source>
        <translation>Geänderte Werkzeugversionen</translation>
    </message>
    <message>
        <source>Thresholds that changed</source>
        <translation>Geänderte Schwellenwerte</translation>
    </message>
    <message>
        <source>Approvers that changed</source>
        <translation>Geänderte Genehmigende</translation>
    </message>
    <message>
        <source>Verification window (worst sample)</source>
        <translation>Prüffenster (schlechteste Messung)</translation>
    </message>
</context>
<context>
    <name>Promotion::ReportDetailView</name>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Show the report as written</source>
        <translation>Den Bericht so zeigen, wie er geschrieben wurde</translation>
    </message>
    <message>
        <source>Select a report to read it here</source>
        <translation>Wählen Sie einen Bericht, um ihn hier zu lesen</translation>
    </message>
    <message>
        <source>Verification window</source>
        <translation>Prüffenster</translation>
    </message>
    <message>
        <source>This report cannot be read</source>
        <translation>Dieser Bericht kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Promotion::ReportTableModel</name>
    <message>
        <source>promoted</source>
        <translation>promotet</translation>
    </message>
    <message>
        <source>dry run passed</source>
        <translation>Probelauf bestanden</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <source>rollback failed</source>
        <translation>Zurücksetzen fehlgeschlagen</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>%1 — 24-hour follow-up: %2</source>
        <translation>%1 – 24-Stunden-Nachkontrolle: %2</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Genehmigende</translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation>GitHub-Issue</translation>
    </message>
</context>
<context>
    <name>Promotion::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>owner/name, e.g. acme/platform</source>
        <translation>Besitzer/Name, z. B. acme/platform</translation>
    </message>
    <message>
        <source>GitHub &amp;repository:</source>
        <translation>GitHub-&amp;Repository:</translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation>Der Schlüsselbund des Systems wird geprüft …</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show the token in clear text</source>
        <translation>Das Token im Klartext zeigen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the stored token from the system keychain</source>
        <translation>Das gespeicherte Token aus dem Schlüsselbund des Systems entfernen</translation>
    </message>
    <message>
        <source>GitHub &amp;token:</source>
        <translation>GitHub-&amp;Token:</translation>
    </message>
    <message>
        <source>Default &amp;target stage:</source>
        <translation>Standard-&amp;Zielstufe:</translation>
    </message>
    <message>
        <source>Empty: git&apos;s user.name and user.email</source>
        <translation>Leer: user.name und user.email von git</translation>
    </message>
    <message>
        <source>Who you are in approvals and attestations, e.g. &quot;Ada Lovelace &lt;ada@example.org&gt;&quot;</source>
        <translation>Wer Sie in Genehmigungen und Bestätigungen sind, z. B. „Ada Lovelace &lt;ada@example.org&gt;“</translation>
    </message>
    <message>
        <source>Approver &amp;identity:</source>
        <translation>&amp;Identität für Genehmigungen:</translation>
    </message>
    <message>
        <source>The token will be removed from the system keychain when you press OK.</source>
        <translation>Das Token wird aus dem Schlüsselbund des Systems entfernt, wenn Sie OK drücken.</translation>
    </message>
    <message>
        <source>Paste a GitHub token</source>
        <translation>Ein GitHub-Token einfügen</translation>
    </message>
    <message>
        <source>No token is stored in the system keychain yet.</source>
        <translation>Im Schlüsselbund des Systems ist noch kein Token gespeichert.</translation>
    </message>
    <message>
        <source>The next stage after the current one</source>
        <translation>Die Stufe nach der aktuellen</translation>
    </message>
    <message>
        <source>%1 (not in the policy)</source>
        <translation>%1 (nicht in der Richtlinie)</translation>
    </message>
    <message>
        <source>Expected owner/name as on GitHub, e.g. acme/platform.</source>
        <translation>Erwartet wird Besitzer/Name wie auf GitHub, z. B. acme/platform.</translation>
    </message>
    <message>
        <source>A token is stored; type a new one to replace it</source>
        <translation>Ein Token ist gespeichert; geben Sie ein neues ein, um es zu ersetzen</translation>
    </message>
    <message>
        <source>A token is stored in the system keychain.</source>
        <translation>Im Schlüsselbund des Systems ist ein Token gespeichert.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Storing the token in the system keychain…</source>
        <translation>Das Token wird im Schlüsselbund des Systems gespeichert …</translation>
    </message>
    <message>
        <source>Removing the token from the system keychain…</source>
        <translation>Das Token wird aus dem Schlüsselbund des Systems entfernt …</translation>
    </message>
    <message>
        <source>The token is stored in the system keychain.</source>
        <translation>Das Token ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The token was removed from the system keychain.</source>
        <translation>Das Token wurde aus dem Schlüsselbund des Systems entfernt.</translation>
    </message>
    <message>
        <source>Retry the &amp;keychain</source>
        <translation>Schlüsselbund &amp;erneut fragen</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Ask GitHub who the token belongs to and whether it may write issues in the repository</source>
        <translation>GitHub fragen, wem das Token gehört und ob es im Repository Issues schreiben darf</translation>
    </message>
    <message>
        <source>The token is kept only in the system keychain (service &quot;%1&quot;), never in a settings file, report or log. It needs the scopes repo and project. The repository here is used when a workspace&apos;s promotion.yaml names none (tracking.repository).</source>
        <translation>Das Token liegt nur im Schlüsselbund des Systems (Dienst „%1“), nie in einer Einstellungsdatei, einem Bericht oder Protokoll. Es braucht die Scopes repo und project. Das Repository hier gilt, wenn die promotion.yaml eines Arbeitsbereichs keines nennt (tracking.repository).</translation>
    </message>
    <message>
        <source>The keychain prompt was cancelled: the stored token (if any) was not read. Retry to be asked again.</source>
        <translation>Die Abfrage des Schlüsselbunds wurde abgebrochen: ein gespeichertes Token wurde nicht gelesen. Erneut versuchen, um wieder gefragt zu werden.</translation>
    </message>
    <message>
        <source>No token to test: paste one above (or set GH_TOKEN).</source>
        <translation>Kein Token zum Testen: oben einfügen (oder GH_TOKEN setzen).</translation>
    </message>
    <message>
        <source>Name the repository (owner/name) to test the connection.</source>
        <translation>Repository (owner/name) angeben, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1 …</translation>
    </message>
    <message>
        <source>Signed in as @%1, but: %2</source>
        <translation>Angemeldet als @%1, aber: %2</translation>
    </message>
    <message>
        <source>Signed in as @%1, but the token can only read %2: ask for triage or write access</source>
        <translation>Angemeldet als @%1, aber das Token darf %2 nur lesen: Triage- oder Schreibrechte anfordern</translation>
    </message>
    <message>
        <source>Signed in as @%1, can write issues in %2</source>
        <translation>Angemeldet als @%1, darf Issues in %2 schreiben</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>Trotzdem &amp;speichern</translation>
    </message>
    <message>
        <source>Use &amp;gh&apos;s token</source>
        <translation>Token von &amp;gh verwenden</translation>
    </message>
    <message>
        <source>Take the token of the GitHub CLI&apos;s login (gh auth token)</source>
        <translation>Das Token der Anmeldung der GitHub-CLI übernehmen (gh auth token)</translation>
    </message>
    <message>
        <source>gh&apos;s token is filled in; OK tests it and stores it in the system keychain.</source>
        <translation>Das Token von gh ist eingetragen; OK testet es und legt es im Schlüsselbund des Systems ab.</translation>
    </message>
</context>
<context>
    <name>Promotion::StepListModel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>waiting for people</source>
        <translation>wartet auf Personen</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
</context>
<context>
    <name>Promotion::StepNames</name>
    <message>
        <source>Validate current state</source>
        <translation>Aktuellen Zustand prüfen</translation>
    </message>
    <message>
        <source>Run quality gates</source>
        <translation>Qualitätsprüfungen ausführen</translation>
    </message>
    <message>
        <source>Review promotion criteria</source>
        <translation>Promotionskriterien prüfen</translation>
    </message>
    <message>
        <source>Update tracking</source>
        <translation>Nachverfolgung aktualisieren</translation>
    </message>
    <message>
        <source>Execute promotion</source>
        <translation>Promotion ausführen</translation>
    </message>
    <message>
        <source>Post-promotion validation</source>
        <translation>Validierung nach der Promotion</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>promotet</translation>
    </message>
    <message>
        <source>dry run passed</source>
        <translation>Probelauf bestanden</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <source>rollback failed</source>
        <translation>Zurücksetzen fehlgeschlagen</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
</context>
<context>
    <name>Promotion::TrackingPage</name>
    <message>
        <source>&amp;Promotion issue</source>
        <translation>Promotions-&amp;Issue</translation>
    </message>
    <message>
        <source>&amp;Approvals (Space ticks the selected role)</source>
        <translation>&amp;Genehmigungen (Leertaste hakt die gewählte Rolle ab)</translation>
    </message>
    <message>
        <source>The promotion issue is rendered from the results so far. Each approver ticks their role; nobody approves their own promotion twice.</source>
        <translation>Das Promotions-Issue wird aus den bisherigen Ergebnissen erzeugt. Jede genehmigende Person hakt ihre Rolle ab; niemand genehmigt die eigene Promotion zweimal.</translation>
    </message>
    <message>
        <source>Labels: none</source>
        <translation>Labels: keine</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Issue: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Issue: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Saved as &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;%3</source>
        <translation>Gespeichert als &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;%3</translation>
    </message>
    <message>
        <source>Ticking records &lt;b&gt;%1&lt;/b&gt; and the time. The promoter is %2.</source>
        <translation>Abhaken hält &lt;b&gt;%1&lt;/b&gt; und die Uhrzeit fest. Die Promotion führt %2 durch.</translation>
    </message>
    <message>
        <source>The approvals appear once the criteria are met.</source>
        <translation>Die Genehmigungen erscheinen, sobald die Kriterien erfüllt sind.</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>1 approval is missing.</source>
        <translation>1 Genehmigung fehlt.</translation>
    </message>
    <message>
        <source>%1 approvals are missing.</source>
        <translation>%1 Genehmigungen fehlen.</translation>
    </message>
    <message>
        <source>%1 was not recorded: %2</source>
        <translation>%1 wurde nicht festgehalten: %2</translation>
    </message>
    <message>
        <source>Approval Refused</source>
        <translation>Genehmigung abgelehnt</translation>
    </message>
    <message>
        <source>The person who approves must be someone else: set their name in Settings (identity) on their machine, or change the policy&apos;s allow_self_approval.</source>
        <translation>Die genehmigende Person muss jemand anderes sein: Legen Sie ihren Namen in den Einstellungen (Identität) auf ihrem Rechner fest, oder ändern Sie allow_self_approval in der Richtlinie.</translation>
    </message>
    <message>
        <source>&amp;Refresh from GitHub</source>
        <translation>Von GitHub &amp;neu lesen</translation>
    </message>
    <message>
        <source>Read the issue&apos;s ticks and /approve comments now</source>
        <translation>Häkchen und /approve-Kommentare des Issues jetzt lesen</translation>
    </message>
    <message>
        <source>No GitHub repository: approvals are given in this console. Name one in the policy (tracking.repository) or in Settings.</source>
        <translation>Kein GitHub-Repository: Genehmigungen werden in dieser Konsole erteilt. Eines in der Richtlinie (tracking.repository) oder in den Einstellungen angeben.</translation>
    </message>
    <message>
        <source>Dry run: nothing is sent to %1.</source>
        <translation>Probelauf: an %1 wird nichts gesendet.</translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation>aus den Einstellungen</translation>
    </message>
    <message>
        <source>from the policy</source>
        <translation>aus der Richtlinie</translation>
    </message>
    <message>
        <source>GitHub &lt;b&gt;%1&lt;/b&gt; (%2)%3</source>
        <translation>GitHub &lt;b&gt;%1&lt;/b&gt; (%2)%3</translation>
    </message>
    <message>
        <source>, signed in as &lt;b&gt;@%1&lt;/b&gt;</source>
        <translation>, angemeldet als &lt;b&gt;@%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Board column: %1</source>
        <translation>Spalte im Board: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending; they are sent when GitHub answers.</source>
        <translation>
            <numerusform>%n GitHub-Aktion steht aus; sie wird gesendet, sobald GitHub antwortet.</numerusform>
            <numerusform>%n GitHub-Aktionen stehen aus; sie werden gesendet, sobald GitHub antwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;%2&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Not counted: %1 by @%2 (%3): %4</source>
        <translation>Nicht gezählt: %1 von @%2 (%3): %4</translation>
    </message>
    <message>
        <source>Last read %1</source>
        <translation>Zuletzt gelesen %1</translation>
    </message>
    <message>
        <source> (no GitHub repository is configured)</source>
        <translation> (kein GitHub-Repository eingerichtet)</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for GitHub&apos;s rate limit: retrying in %n s (%1).</source>
        <translation>
            <numerusform>Warten auf das Ratenlimit von GitHub: neuer Versuch in %n s (%1).</numerusform>
            <numerusform>Warten auf das Ratenlimit von GitHub: neuer Versuch in %n s (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending, %1 of them queued after the report was written; they are sent when GitHub answers.</source>
        <translation>
            <numerusform>%n GitHub-Aktion steht aus (%1 nach dem Schreiben des Berichts eingereiht); sie wird gesendet, sobald GitHub antwortet.</numerusform>
            <numerusform>%n GitHub-Aktionen stehen aus, %1 davon nach dem Schreiben des Berichts eingereiht; sie werden gesendet, sobald GitHub antwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::TrendChartView</name>
    <message>
        <source>Component:</source>
        <translation>Komponente:</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Gate durations</source>
        <translation>Prüfungsdauern</translation>
    </message>
    <message>
        <source>coverage (%)</source>
        <translation>Abdeckung (%)</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>promotet</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation>%L1 %</translation>
    </message>
</context>
<context>
    <name>Promotion::UnfinishedRunsPanel</name>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Target stage</source>
        <translation>Zielstufe</translation>
    </message>
    <message>
        <source>Step reached</source>
        <translation>Erreichter Schritt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Unfinished promotions</source>
        <translation>Unvollendete Promotionen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the selected promotion where it stopped (Enter)</source>
        <translation>Die gewählte Promotion dort fortsetzen, wo sie stehen blieb (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Give up the selected promotion: it is no longer offered; nothing is undone or deleted (Delete)</source>
        <translation>Die gewählte Promotion aufgeben: Sie wird nicht mehr angeboten; nichts wird rückgängig gemacht oder gelöscht (Entf)</translation>
    </message>
    <message>
        <source>%1; report not written — resume to write it</source>
        <translation>%1; Bericht nicht geschrieben – zum Schreiben fortsetzen</translation>
    </message>
    <message>
        <source>a rollback was in progress — resume to finish it</source>
        <translation>ein Zurücksetzen lief – zum Beenden fortsetzen</translation>
    </message>
    <message>
        <source>interrupted — resume to continue</source>
        <translation>unterbrochen – zum Weitermachen fortsetzen</translation>
    </message>
    <message>
        <source>all six steps done</source>
        <translation>alle sechs Schritte erledigt</translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation>Schritt %1 · %2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1
Run %2</source>
        <translation>%1
Lauf %2</translation>
    </message>
    <message>
        <source>(unreadable) cannot be read: %1</source>
        <translation>(unlesbar) kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Unfinished promotions&lt;/b&gt; (%n): resume one to continue where it stopped, or discard it.</source>
        <translation>
            <numerusform>&lt;b&gt;Unvollendete Promotionen&lt;/b&gt; (%n): Setzen Sie sie fort, wo sie stehen blieb, oder verwerfen Sie sie.</numerusform>
            <numerusform>&lt;b&gt;Unvollendete Promotionen&lt;/b&gt; (%n): Setzen Sie eine fort, wo sie stehen blieb, oder verwerfen Sie sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n GitHub action(s) not sent yet — resume to send them</source>
        <translation>
            <numerusform>%1; %n GitHub-Aktion noch nicht gesendet — fortsetzen, um sie zu senden</numerusform>
            <numerusform>%1; %n GitHub-Aktionen noch nicht gesendet — fortsetzen, um sie zu senden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::ValidatePage</name>
    <message>
        <source>The promotion policy cannot be used, so nothing can run:
%1</source>
        <translation>Die Promotionsrichtlinie ist nicht verwendbar, daher kann nichts laufen:
%1</translation>
    </message>
    <message>
        <source>&amp;Component:</source>
        <translation>&amp;Komponente:</translation>
    </message>
    <message>
        <source>Current stage:</source>
        <translation>Aktuelle Stufe:</translation>
    </message>
    <message>
        <source>(take it from __maturity__)</source>
        <translation>(aus __maturity__ übernehmen)</translation>
    </message>
    <message>
        <source>%1 (coverage ≥ %2 %)</source>
        <translation>%1 (Abdeckung ≥ %2 %)</translation>
    </message>
    <message>
        <source>Optional: the stage you expect the component to be at. Validation fails when __maturity__ says otherwise.</source>
        <translation>Optional: die Stufe, auf der Sie die Komponente erwarten. Die Prüfung schlägt fehl, wenn __maturity__ etwas anderes sagt.</translation>
    </message>
    <message>
        <source>E&amp;xpected current stage:</source>
        <translation>&amp;Erwartete aktuelle Stufe:</translation>
    </message>
    <message>
        <source>&amp;Target stage:</source>
        <translation>Zielst&amp;ufe:</translation>
    </message>
    <message>
        <source>Specification file, relative to the workspace</source>
        <translation>Spezifikationsdatei, relativ zum Arbeitsbereich</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Specification:</source>
        <translation>&amp;Spezifikation:</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>P&amp;rüfen</translation>
    </message>
    <message>
        <source>Check the component, its tests, its spec and its stage</source>
        <translation>Die Komponente, ihre Tests, ihre Spezifikation und ihre Stufe prüfen</translation>
    </message>
    <message>
        <source>Validation &amp;results</source>
        <translation>Prüfer&amp;gebnisse</translation>
    </message>
    <message>
        <source>Sp&amp;ecification (read-only)</source>
        <translation>Spezifikations&amp;text (schreibgeschützt)</translation>
    </message>
    <message>
        <source>No components in this workspace (expected src/&lt;component&gt;/__init__.py).</source>
        <translation>Keine Komponenten in diesem Arbeitsbereich (src/&lt;Komponente&gt;/__init__.py erwartet).</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Choose the component and the stage to promote it to, then validate its current state.</source>
        <translation>Wählen Sie die Komponente und die Zielstufe, und prüfen Sie dann ihren aktuellen Zustand.</translation>
    </message>
    <message>
        <source>not documented (no __maturity__ in src/%1/__init__.py)</source>
        <translation>nicht dokumentiert (kein __maturity__ in src/%1/__init__.py)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(__maturity__ in src/%2/__init__.py%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(__maturity__ in src/%2/__init__.py%3)</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>, Version %1</translation>
    </message>
    <message>
        <source>(%1 does not exist or cannot be read)</source>
        <translation>(%1 existiert nicht oder ist nicht lesbar)</translation>
    </message>
    <message>
        <source>

(… the rest of the file is not shown: it is larger than %1 MiB)</source>
        <translation>

(… der Rest der Datei wird nicht gezeigt: Sie ist größer als %1 MiB)</translation>
    </message>
    <message>
        <source>Choose the Specification</source>
        <translation>Spezifikation wählen</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown);;All files (*)</source>
        <translation>Markdown (*.md *.markdown);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>✓ Ready to promote: %1</source>
        <translation>✓ Bereit zum Promoten: %1</translation>
    </message>
    <message numerus="yes">
        <source>✗ %n check(s) failed; fix them and validate again.</source>
        <translation>
            <numerusform>✗ %n Prüfung fehlgeschlagen; beheben Sie den Fehler und prüfen Sie erneut.</numerusform>
            <numerusform>✗ %n Prüfungen fehlgeschlagen; beheben Sie die Fehler und prüfen Sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not validated yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>Promotion::WizardPage</name>
    <message>
        <source>Who Is Recording This?</source>
        <translation>Wer hält das fest?</translation>
    </message>
    <message>
        <source>Git has no user.name and user.email here. Your name and e-mail are recorded with every tick (you can change them in Settings):</source>
        <translation>Git kennt hier weder user.name noch user.email. Ihr Name und Ihre E-Mail werden mit jedem Häkchen festgehalten (änderbar in den Einstellungen):</translation>
    </message>
</context>
</TS>
