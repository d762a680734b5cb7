<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FollowUpCheck</name>
    <message>
        <source>follow-up FAILED %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up passed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up due in %1 (passed early %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up due in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::BacktestView</name>
    <message>
        <source>Gate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-test a Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion policy (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; past promotions would have been blocked by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polic&amp;y File…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ChecklistModel</name>
    <message>
        <source>Approved by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proven automatically when these gates pass: %1; otherwise a person confirms it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for this approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a person to confirm it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion is busy with another step; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to record: set your name in Settings (identity) or in git&apos;s user.name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the promotion has been executed, so this can no longer change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ticked on GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/approve on GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ComponentListModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tests/%1/ directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no specs/%1.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked: the last promotion to %1 did not pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last promotion to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::CoverageChartView</name>
    <message>
        <source>Coverage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line coverage (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage not measured yet; %1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage not measured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage %1 meets the %2 threshold of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage %1 is below the %2 threshold of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+C copies the chart&apos;s numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage threshold (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured coverage (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::CriteriaPage</name>
    <message>
        <source>Promotion &amp;criteria (Space ticks the selected item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the promotion criteria. Items the gates proved are ticked with their evidence; tick the others once you have checked them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✓ Proven automatically&lt;/b&gt; by the quality gates:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;✓ Confirmed&lt;/b&gt; by %1 on %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not yet confirmed.&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Optional: the promotion can go on without it.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The criteria appear once the quality gates have passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ All required criteria are met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 required criterion still needs a tick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 required criteria still need a tick.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::DashboardView</name>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion time (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion time (p90)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry runs are left out. Success: promoted of all finished runs. Rollback: rolled back of all deployed runs. Time: promoted runs, start to report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::EngineText</name>
    <message>
        <source>Component directory exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests directory exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specification file exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current stage documented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current stage matches the expected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target is the next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke tests pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health checks pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component status reports the new stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors in logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tests ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 passed, %3 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last drill %1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1 % passing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1 file(s) matching %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 gates passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all %1 criteria met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deployed %1 %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>dry run: %n effect(s) recorded as &quot;would do&quot;</source>
        <translation>
            <numerusform>dry run: %n effect recorded as &quot;would do&quot;</numerusform>
            <numerusform>dry run: %n effects recorded as &quot;would do&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>dry run: validation would run after the deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoke tests, health checks and %1 s window passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no endpoints configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics within normal range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 log lines, no errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples, no trigger fired; latency NOT evaluated (no baseline before the deploy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples, no trigger fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>issue rendered (promotion_issue.md), %n approval(s) recorded</source>
        <translation>
            <numerusform>issue rendered (promotion_issue.md), %n approval recorded</numerusform>
            <numerusform>issue rendered (promotion_issue.md), %n approvals recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>issue %1, %n approval(s) recorded</source>
        <translation>
            <numerusform>issue %1, %n approval recorded</numerusform>
            <numerusform>issue %1, %n approvals recorded</numerusform>
        </translation>
    </message>
    <message>
        <source>GitHub&apos;s rate limit (X-RateLimit-Reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub&apos;s secondary rate limit (Retry-After)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for approvals on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending: %2</source>
        <translation>
            <numerusform>%n GitHub action pending: %2</numerusform>
            <numerusform>%n GitHub actions pending: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (GitHub: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ExecutePage</name>
    <message>
        <source>&amp;Changes to metadata and documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review what the promotion changes, then promote: metadata and documentation are updated, the deploy commands run, and the AI-context note is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &lt;i&gt;(cannot be expanded yet: %1)&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes to metadata and documentation (preview — nothing written yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no metadata or documentation changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes that would be made (dry run: nothing written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changes made to metadata and documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 → %3%4. Commands, in order (the rollback ones run only if the promotion is rolled back):&lt;ul style=&quot;margin-top:0&quot;&gt;%5&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;b&gt;dry run&lt;/b&gt;: every change is recorded as “would do”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals are needed before promoting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Promoting… %n change(s) recorded so far.</source>
        <translation>
            <numerusform>Promoting… %n change recorded so far.</numerusform>
            <numerusform>Promoting… %n changes recorded so far.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the failing command</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(failed %n time(s); the last attempt&apos;s output)</source>
        <translation>
            <numerusform>(failed %n time; the last attempt&apos;s output)</numerusform>
            <numerusform>(failed %n times; the last attempt&apos;s output)</numerusform>
        </translation>
    </message>
    <message>
        <source> — fix the cause, then Promote to deploy again (or Finish to record the failure).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::FollowUpPanel</name>
    <message>
        <source>Check &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up (24 h after the promotion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check health, status and the metrics window of the selected promotion now, like promotion-console follow-up --now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No promotion to follow up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the reports…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::GateResultsModel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured: %1 — threshold: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attested by %1 at %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::GatesPage</name>
    <message>
        <source>&amp;Quality gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the gates again; gates that passed keep their result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record your word for the selected gate, which no tool can measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open c&amp;overage report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip quality gates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip every gate; the reason is recorded in the issue and the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the quality gates of this transition. Every gate must pass, be attested, or the gates are skipped with a reason that goes on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quality gates were not skipped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip Quality Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These gates will NOT be checked:
%1

Why are they skipped? Write a sentence (at least %2 characters and %3 words). The reason and your name (%4) are recorded in the issue and the report%5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, and a second person in the role &apos;%1&apos; must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quality gates were not skipped: a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve Skipping the Quality Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who approves skipping the quality gates as %1? It must be someone other than you (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve and skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attest Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (%1) attest that “%2” holds. Your name and the time are recorded.
Note (optional, e.g. where the evidence is):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody to record: set your name in Settings or in git&apos;s user.name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the component first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Press Run gates to run the %n gate(s) of %1 → %2.</source>
        <translation>
            <numerusform>Press Run gates to run the %n gate of %1 → %2.</numerusform>
            <numerusform>Press Run gates to run the %n gates of %1 → %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running… %1 of %2 gates finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need attestation: %1 (select it and press Attest…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Blocked — %1. Fix and retry, or skip with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::HealthChartView</name>
    <message>
        <source>Latency and error rate chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds since window start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error rate limit %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency limit %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+C copies the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::HistoryPanel</name>
    <message>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two reports to compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading reports… %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: component, approver, gate, message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the selected report with the previous promotion of the same component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HTML Dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected report, or the two selected compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list the reports of another folder, for example a shared checkout of several repositories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back-test</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n report(s)</source>
        <translation>
            <numerusform>%1 of %n report</numerusform>
            <numerusform>%1 of %n reports</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare the two selected reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) from before the hash chain (unchained)</source>
        <translation>
            <numerusform>%n report from before the hash chain (unchained)</numerusform>
            <numerusform>%n reports from before the hash chain (unchained)</numerusform>
        </translation>
    </message>
    <message>
        <source>The reports&apos; hash chain is broken at %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Reports Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::LocationOpener</name>
    <message>
        <source>Cannot Open the Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open the File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application is set up to open folders on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application is set up to open this file on this desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::LogView</name>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest output in view (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole log to a file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the search bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines, showing %2–%3 (scrollback %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 (wrapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied 1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::MainWindow</name>
    <message>
        <source>Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace to see its components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust This Workspace&apos;s Policy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a promotion.yaml this application has not run before. Its commands run on this machine, with your permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the commands (Show Details…). Trust them only if you trust who wrote this policy; any change to it asks again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust and Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Run Anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace&apos;s policy is not trusted: nothing will run until you trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No components found: expected src/&lt;component&gt;/__init__.py under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a component and choose Promote… (Ctrl+P) to start the six steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Promotion Console %1&lt;/h3&gt;&lt;p&gt;Promotes a component through development, staging and production, with quality gates, criteria, approvals, deployment and validation.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote the selected component to its next stage (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an unfinished promotion to %2, started %3 by %4 (step %5 · %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume it, or start a new promotion? The unfinished run stays listed until it is resumed or discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or close the open promotion before resuming another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume the promotion of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the Promotion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the unfinished promotion of %1 (run %2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is no longer offered for resuming. Nothing is undone and nothing is deleted: whatever the run changed stays as it is, and its journal stays in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded the unfinished promotion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot discard run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Promotion Console?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promotion is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A promotion is open and not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave stops what runs now (a rollback in progress finishes first) and quits; the run stays resumable from the main window. Stay keeps everything as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave quits; the run stays resumable from the main window. Stay keeps everything as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave (the run stays resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitting when the rollback in progress has finished…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the promotion, then quitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n component</numerusform>
            <numerusform>%n components</numerusform>
        </translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in default policy (the seed workflow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy: %1 (invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The promotion policy is invalid: nothing can run until it is fixed.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up of %1 in %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back as the policy plans it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rollback issue could not be filed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback issue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Its %n queued GitHub action(s) will not be sent.</source>
        <translation>
            <numerusform>Its %n queued GitHub action will not be sent.</numerusform>
            <numerusform>Its %n queued GitHub actions will not be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::PostValidationPage</name>
    <message>
        <source>&amp;Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke test and rollback output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oll back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the deployment now and restore the metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the deploy: smoke tests, health and status checks, then the metrics over the verification window. A rollback trigger undoes the deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back %1 in %2 now? The policy&apos;s rollback command runs and the metadata is restored.
Reason (recorded in the report):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back by %1 from the wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No latency baseline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⟲ Rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation has not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote first (page 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Watching the metrics: %n sample(s).</source>
        <translation>
            <numerusform>Watching the metrics: %n sample.</numerusform>
            <numerusform>Watching the metrics: %n samples.</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline before the deploy: error rate %L1 %, p95 %L2 ms. Rollback when the error rate exceeds %L3 % or p95 exceeds %L4 ms (+%L5 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback when the error rate exceeds %L1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment lo&amp;g (streamed during the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The component&apos;s dashboard (policy monitoring.dashboard_url), showing the verification window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3m CPU, %4 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dashboard &amp;in Grafana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match ca&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::PromotionWizard</name>
    <message>
        <source>Promote a Component — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the promotion report and end the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this wizard already has a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs cannot change once the quality gates have run; cancel and start a new promotion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the promotion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These inputs are fixed: the quality gates of this run have started. Cancel and start a new promotion to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2). Report saved to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback in Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rollback is in progress; the window closes when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the Promotion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion of %1 to %2 is not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the Promotion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion of %1 to %2 is running a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping ends the command that runs now; nothing is rolled back, and the run can be resumed later from the main window. The window closes once the step has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top and keep the run resumable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run is kept and can be resumed later from the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish (record as blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish (record as failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the promotion report with this blocked result and end the run; the component stays where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the promotion report with this failed result and end the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dry run (change nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every check and record what would be done; change nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ReportCompareDialog</name>
    <message>
        <source> · dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;B&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gates that changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria that changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool versions that changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds that changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvers that changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification window (worst sample)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ReportDetailView</name>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the report as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a report to read it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ReportTableModel</name>
    <message>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — 24-hour follow-up: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner/name, e.g. acme/platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub &amp;repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the token in clear text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored token from the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;target stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: git&apos;s user.name and user.email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who you are in approvals and attestations, e.g. &quot;Ada Lovelace &lt;ada@example.org&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver &amp;identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token will be removed from the system keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a GitHub token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored in the system keychain yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next stage after the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected owner/name as on GitHub, e.g. acme/platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is stored; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the token in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the token from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was removed from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask GitHub who the token belongs to and whether it may write issues in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token is kept only in the system keychain (service &quot;%1&quot;), never in a settings file, report or log. It needs the scopes repo and project. The repository here is used when a workspace&apos;s promotion.yaml names none (tracking.repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain prompt was cancelled: the stored token (if any) was not read. Retry to be asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token to test: paste one above (or set GH_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the repository (owner/name) to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as @%1, but: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as @%1, but the token can only read %2: ask for triage or write access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as @%1, can write issues in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;gh&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the token of the GitHub CLI&apos;s login (gh auth token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gh&apos;s token is filled in; OK tests it and stores it in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::StepListModel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::StepNames</name>
    <message>
        <source>Validate current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run quality gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review promotion criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-promotion validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::TrackingPage</name>
    <message>
        <source>&amp;Promotion issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approvals (Space ticks the selected role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion issue is rendered from the results so far. Each approver ticks their role; nobody approves their own promotion twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticking records &lt;b&gt;%1&lt;/b&gt; and the time. The promoter is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approvals appear once the criteria are met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 approval is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 approvals are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person who approves must be someone else: set their name in Settings (identity) on their machine, or change the policy&apos;s allow_self_approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh from GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the issue&apos;s ticks and /approve comments now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GitHub repository: approvals are given in this console. Name one in the policy (tracking.repository) or in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: nothing is sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub &lt;b&gt;%1&lt;/b&gt; (%2)%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, signed in as &lt;b&gt;@%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board column: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending; they are sent when GitHub answers.</source>
        <translation>
            <numerusform>%n GitHub action pending; it is sent when GitHub answers.</numerusform>
            <numerusform>%n GitHub actions pending; they are sent when GitHub answers.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;%2&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not counted: %1 by @%2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no GitHub repository is configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for GitHub&apos;s rate limit: retrying in %n s (%1).</source>
        <translation>
            <numerusform>Waiting for GitHub&apos;s rate limit: retrying in %n s (%1).</numerusform>
            <numerusform>Waiting for GitHub&apos;s rate limit: retrying in %n s (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GitHub action(s) pending, %1 of them queued after the report was written; they are sent when GitHub answers.</source>
        <translation>
            <numerusform>%n GitHub action pending (%1 queued after the report was written); it is sent when GitHub answers.</numerusform>
            <numerusform>%n GitHub actions pending, %1 of them queued after the report was written; they are sent when GitHub answers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::TrendChartView</name>
    <message>
        <source>Component:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate durations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::UnfinishedRunsPanel</name>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished promotions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the selected promotion where it stopped (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up the selected promotion: it is no longer offered; nothing is undone or deleted (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; report not written — resume to write it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollback was in progress — resume to finish it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted — resume to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all six steps done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable) cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Unfinished promotions&lt;/b&gt; (%n): resume one to continue where it stopped, or discard it.</source>
        <translation>
            <numerusform>&lt;b&gt;Unfinished promotion&lt;/b&gt; (%n): resume it to continue where it stopped, or discard it.</numerusform>
            <numerusform>&lt;b&gt;Unfinished promotions&lt;/b&gt; (%n): resume one to continue where it stopped, or discard it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n GitHub action(s) not sent yet — resume to send them</source>
        <translation>
            <numerusform>%1; %n GitHub action not sent yet — resume to send it</numerusform>
            <numerusform>%1; %n GitHub actions not sent yet — resume to send them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::ValidatePage</name>
    <message>
        <source>The promotion policy cannot be used, so nothing can run:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Component:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(take it from __maturity__)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (coverage ≥ %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the stage you expect the component to be at. Validation fails when __maturity__ says otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpected current stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specification file, relative to the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Specification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the component, its tests, its spec and its stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sp&amp;ecification (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No components in this workspace (expected src/&lt;component&gt;/__init__.py).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the component and the stage to promote it to, then validate its current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not documented (no __maturity__ in src/%1/__init__.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(__maturity__ in src/%2/__init__.py%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 does not exist or cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

(… the rest of the file is not shown: it is larger than %1 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Ready to promote: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✗ %n check(s) failed; fix them and validate again.</source>
        <translation>
            <numerusform>✗ %n check failed; fix them and validate again.</numerusform>
            <numerusform>✗ %n checks failed; fix them and validate again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not validated yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::WizardPage</name>
    <message>
        <source>Who Is Recording This?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git has no user.name and user.email here. Your name and e-mail are recorded with every tick (you can change them in Settings):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
