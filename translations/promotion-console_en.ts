<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Promotion::ChecklistModel</name>
    <message>
        <location filename="../models/checklistmodel.cpp" line="73"/>
        <source>Approved by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="125"/>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="129"/>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="149"/>
        <source>Proven automatically when these gates pass: %1; otherwise a person confirms it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="152"/>
        <source>Waiting for this approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="153"/>
        <source>Needs a person to confirm it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="209"/>
        <source>The promotion is busy with another step; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="216"/>
        <source>Nobody to record: set your name in Settings (identity) or in git&apos;s user.name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="247"/>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="247"/>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="249"/>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="249"/>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/checklistmodel.cpp" line="251"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ComponentListModel</name>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="70"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="74"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="74"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="79"/>
        <source>no tests/%1/ directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="81"/>
        <source>no specs/%1.md</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="82"/>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="97"/>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="99"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="101"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="103"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/componentlistmodel.cpp" line="105"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::CoverageChartView</name>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="57"/>
        <source>Coverage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="65"/>
        <source>line coverage (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="162"/>
        <source>Coverage not measured yet; %1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="164"/>
        <source>Coverage not measured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="168"/>
        <source>Coverage %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="170"/>
        <source>Coverage %1 meets the %2 threshold of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="172"/>
        <source>Coverage %1 is below the %2 threshold of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="204"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/coveragechartview.cpp" line="225"/>
        <source>not measured yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::CriteriaPage</name>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="28"/>
        <source>Promotion &amp;criteria (Space ticks the selected item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="48"/>
        <source>&amp;Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="93"/>
        <source>Review the promotion criteria. Items the gates proved are ticked with their evidence; tick the others once you have checked them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="132"/>
        <source>&lt;p&gt;&lt;b&gt;✓ Proven automatically&lt;/b&gt; by the quality gates:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="134"/>
        <source>&lt;p&gt;&lt;b&gt;✓ Confirmed&lt;/b&gt; by %1 on %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="141"/>
        <source>&lt;p&gt;&lt;b&gt;Not yet confirmed.&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="150"/>
        <source>&lt;p&gt;&lt;i&gt;Optional: the promotion can go on without it.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="163"/>
        <source>The criteria appear once the quality gates have passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="165"/>
        <source>✓ All required criteria are met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="167"/>
        <source>1 required criterion still needs a tick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/criteriapage.cpp" line="169"/>
        <source>%1 required criteria still need a tick.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ExecutePage</name>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="40"/>
        <source>&amp;Changes to metadata and documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="54"/>
        <source>Deployment output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="108"/>
        <source>Review what the promotion changes, then promote: metadata and documentation are updated, the deploy commands run, and the AI-context note is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="183"/>
        <source>&amp;Changes to metadata and documentation (preview — nothing written yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="185"/>
        <source>The changes cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="187"/>
        <source>(no metadata or documentation changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="191"/>
        <source>&amp;Changes that would be made (dry run: nothing written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="192"/>
        <source>&amp;Changes made to metadata and documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="200"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 → %3%4. Commands:&lt;ul style=&quot;margin-top:0&quot;&gt;%5&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="204"/>
        <source> — &lt;b&gt;dry run&lt;/b&gt;: every change is recorded as “would do”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="213"/>
        <source>&amp;Record dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="213"/>
        <source>&amp;Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="222"/>
        <source>Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="222"/>
        <source>Approvals are needed before promoting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/executepage.cpp" line="225"/>
        <source>Promoting… %n change(s) recorded so far.</source>
        <translation>
            <numerusform>Promoting… %n change recorded so far.</numerusform>
            <numerusform>Promoting… %n changes recorded so far.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="228"/>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="231"/>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::GateResultsModel</name>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="92"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="94"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="96"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="98"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="100"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="102"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="104"/>
        <source>needs attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="106"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="135"/>
        <source>attested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="151"/>
        <source>Measured: %1 — threshold: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="152"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="153"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="157"/>
        <source>Tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="159"/>
        <source>Attested by %1 at %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="205"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="207"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="209"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="211"/>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="213"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/gateresultsmodel.cpp" line="215"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::GatesPage</name>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="46"/>
        <source>&amp;Quality gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="74"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="93"/>
        <source>&amp;Run gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="95"/>
        <source>Cancel &amp;gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="97"/>
        <source>Re&amp;try failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="99"/>
        <source>Run the gates again; gates that passed keep their result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="100"/>
        <source>&amp;Attest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="102"/>
        <source>Record your word for the selected gate, which no tool can measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="103"/>
        <source>Open c&amp;overage report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="105"/>
        <source>S&amp;kip quality gates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="107"/>
        <source>Skip every gate; the reason is recorded in the issue and the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="150"/>
        <source>— %1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="182"/>
        <source>Run the quality gates of this transition. Every gate must pass, be attested, or the gates are skipped with a reason that goes on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="269"/>
        <source>Output of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="291"/>
        <source>Skip Quality Gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="292"/>
        <source>Why are the quality gates skipped? The reason and your name (%1) are recorded in the issue and the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="296"/>
        <source>&amp;Skip gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="300"/>
        <source>The quality gates were not skipped: a reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="320"/>
        <source>Attest Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="322"/>
        <source>You (%1) attest that “%2” holds. Your name and the time are recorded.
Note (optional, e.g. where the evidence is):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="326"/>
        <source>&amp;Attest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="330"/>
        <source>Nobody to record: set your name in Settings or in git&apos;s user.name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="389"/>
        <source>Validate the component first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/gatespage.cpp" line="390"/>
        <source>Press Run gates to run the %n gate(s) of %1 → %2.</source>
        <translation>
            <numerusform>Press Run gates to run the %n gate of %1 → %2.</numerusform>
            <numerusform>Press Run gates to run the %n gates of %1 → %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="395"/>
        <source>Running… %1 of %2 gates finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="398"/>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="401"/>
        <source>⚠ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="407"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="409"/>
        <source>need attestation: %1 (select it and press Attest…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/gatespage.cpp" line="411"/>
        <source>✗ Blocked — %1. Fix and retry, or skip with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::HealthChartView</name>
    <message>
        <location filename="../ui/healthchartview.cpp" line="59"/>
        <source>Latency and error rate chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="64"/>
        <source>seconds since window start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="68"/>
        <source>p95 latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="72"/>
        <source>error rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="89"/>
        <source>p95 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="92"/>
        <source>error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="95"/>
        <source>error rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="97"/>
        <source>latency limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="99"/>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="128"/>
        <source>error rate limit %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/healthchartview.cpp" line="129"/>
        <source>latency limit %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::HistoryPanel</name>
    <message>
        <location filename="../ui/historypanel.cpp" line="59"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="59"/>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="59"/>
        <source>Transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="60"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="60"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="60"/>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="69"/>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="71"/>
        <location filename="../ui/historypanel.cpp" line="266"/>
        <source>Compare the quality gates of the two selected reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="103"/>
        <source>Select a report to see it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="153"/>
        <location filename="../ui/historypanel.cpp" line="169"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="158"/>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="172"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="180"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="180"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="198"/>
        <source>No workspace open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypanel.cpp" line="199"/>
        <source>%n report(s) in .promotion/reports</source>
        <translation>
            <numerusform>%n report in .promotion/reports</numerusform>
            <numerusform>%n reports in .promotion/reports</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypanel.cpp" line="267"/>
        <source>Select two reports to compare them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="55"/>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="56"/>
        <source>Keep the newest output in view (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="59"/>
        <location filename="../ui/logview.cpp" line="156"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="60"/>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="61"/>
        <location filename="../ui/logview.cpp" line="166"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="62"/>
        <source>Save the whole log to a file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="63"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="64"/>
        <source>Search the log (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="83"/>
        <source>Tool output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="111"/>
        <location filename="../ui/logview.cpp" line="112"/>
        <source>Find in log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="115"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="116"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="117"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="118"/>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="119"/>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="124"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="125"/>
        <source>Close the search bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="158"/>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="160"/>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="162"/>
        <source>Find Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="164"/>
        <source>Find Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="353"/>
        <source>No output yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="358"/>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="359"/>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="363"/>
        <source>%1 lines, showing %2–%3 (scrollback %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="458"/>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="468"/>
        <source>Line %1 (wrapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="469"/>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="516"/>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="521"/>
        <source>Copied 1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="522"/>
        <source>Copied %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="527"/>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="531"/>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="531"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="554"/>
        <source>Could not save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/logview.cpp" line="561"/>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="67"/>
        <source>Open a workspace to see its components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="77"/>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="80"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="82"/>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="88"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>&amp;About Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <source>%1 is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="131"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>%1 — Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="135"/>
        <source>No components found: expected src/&lt;component&gt;/__init__.py under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="147"/>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>About Promotion Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="165"/>
        <source>&lt;h3&gt;Promotion Console %1&lt;/h3&gt;&lt;p&gt;Promotes a component through development, staging and production, with quality gates, criteria, approvals, deployment and validation.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>&amp;Promote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="179"/>
        <source>Promote the selected component to its next stage (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188"/>
        <source>P&amp;romotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="228"/>
        <source>Cannot resume the promotion of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="289"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>&amp;Compare Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="303"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="306"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n component</numerusform>
            <numerusform>%n components</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="359"/>
        <source>built-in default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="363"/>
        <source>The built-in default policy (the seed workflow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="368"/>
        <source>Policy: %1 (invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="386"/>
        <source>&lt;b&gt;The promotion policy is invalid: nothing can run until it is fixed.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::PostValidationPage</name>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="30"/>
        <source>&amp;Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="35"/>
        <source>Smoke test and rollback output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="61"/>
        <source>Run &amp;validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="63"/>
        <source>R&amp;oll back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="65"/>
        <source>Undo the deployment now and restore the metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="121"/>
        <source>After the deploy: smoke tests, health and status checks, then the metrics over the verification window. A rollback trigger undoes the deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="167"/>
        <source>Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="169"/>
        <source>Roll back %1 in %2 now? The policy&apos;s rollback command runs and the metadata is restored.
Reason (recorded in the report):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="172"/>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="176"/>
        <source>rolled back by %1 from the wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="173"/>
        <source>&amp;Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="197"/>
        <source>Baseline before the deploy: error rate %1 %, p95 %2 ms. Rollback when the error rate exceeds %3 % or p95 exceeds %4 ms (+%5 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="207"/>
        <source>Rollback when the error rate exceeds %1 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="208"/>
        <source>No latency baseline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="220"/>
        <source>Would check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="235"/>
        <source>Rolling back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="237"/>
        <source>⟲ Rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="242"/>
        <source>Validation has not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="242"/>
        <source>Promote first (page 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="245"/>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/postvalidationpage.cpp" line="246"/>
        <source>Watching the metrics: %n sample(s).</source>
        <translation>
            <numerusform>Watching the metrics: %n sample.</numerusform>
            <numerusform>Watching the metrics: %n samples.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="250"/>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/postvalidationpage.cpp" line="253"/>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::PromotionWizard</name>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="37"/>
        <source>Promote a Component — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="48"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="97"/>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="105"/>
        <source>&amp;Dry run (record what would be done, change nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="107"/>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="109"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="111"/>
        <source>Next step (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="112"/>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="114"/>
        <source>Write the promotion report and end the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="115"/>
        <location filename="../ui/promotionwizard.cpp" line="362"/>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="185"/>
        <source>this wizard already has a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="258"/>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="291"/>
        <source>The inputs cannot change once the quality gates have run; cancel and start a new promotion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="317"/>
        <source>Cannot start the promotion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="362"/>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="376"/>
        <source>These inputs are fixed: the quality gates of this run have started. Cancel and start a new promotion to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="394"/>
        <source>The report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="401"/>
        <source>Run %1 (%2). Report saved to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="430"/>
        <source>Leave the Promotion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="431"/>
        <source>The promotion of %1 to %2 is not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="438"/>
        <source>What is running now is cancelled. The run is kept and can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="439"/>
        <source>The run is kept and can be resumed later from the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="440"/>
        <source>&amp;Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/promotionwizard.cpp" line="442"/>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ReportCompareDialog</name>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="98"/>
        <source> · dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="107"/>
        <source>Compare Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="117"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="117"/>
        <source>Measured A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="117"/>
        <source>Measured B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="133"/>
        <source>&lt;b&gt;A&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="134"/>
        <source>&lt;b&gt;B&lt;/b&gt;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportcomparedialog.cpp" line="141"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ResumeBanner</name>
    <message>
        <location filename="../ui/resumebanner.cpp" line="25"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumebanner.cpp" line="27"/>
        <source>Not &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumebanner.cpp" line="52"/>
        <source>Resume promotion of &lt;b&gt;%1&lt;/b&gt; to %2 at step %3 (%4)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resumebanner.cpp" line="56"/>
        <source> It was started %1 by %2 and did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/resumebanner.cpp" line="60"/>
        <source> %n other unfinished run(s) can be resumed afterwards.</source>
        <translation>
            <numerusform> %n other unfinished run can be resumed afterwards.</numerusform>
            <numerusform> %n other unfinished runs can be resumed afterwards.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Promotion::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="41"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="49"/>
        <source>owner/name, e.g. acme/platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="61"/>
        <source>GitHub &amp;repository:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="68"/>
        <location filename="../ui/settingsdialog.cpp" line="202"/>
        <source>Checking the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="73"/>
        <location filename="../ui/settingsdialog.cpp" line="273"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="75"/>
        <source>Show the token in clear text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="76"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="78"/>
        <source>Remove the stored token from the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="93"/>
        <source>GitHub &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="99"/>
        <source>Default &amp;target stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="103"/>
        <source>Empty: git&apos;s user.name and user.email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="105"/>
        <source>Who you are in approvals and attestations, e.g. &quot;Ada Lovelace &lt;ada@example.org&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="106"/>
        <source>Approver &amp;identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="110"/>
        <source>The token is kept only in the system keychain (service &quot;%1&quot;), never in a settings file, report or log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="132"/>
        <source>The token will be removed from the system keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="143"/>
        <location filename="../ui/settingsdialog.cpp" line="263"/>
        <source>Paste a GitHub token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="146"/>
        <location filename="../ui/settingsdialog.cpp" line="264"/>
        <source>No token is stored in the system keychain yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="174"/>
        <source>The next stage after the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="180"/>
        <source>%1 (not in the policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="226"/>
        <source>Expected owner/name as on GitHub, e.g. acme/platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="260"/>
        <source>A token is stored; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="261"/>
        <source>A token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="273"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="310"/>
        <source>Storing the token in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="316"/>
        <source>Removing the token from the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="330"/>
        <source>The token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="341"/>
        <source>The token was removed from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::StepListModel</name>
    <message>
        <location filename="../models/steplistmodel.cpp" line="39"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="41"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="43"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="45"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="47"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="64"/>
        <source>waiting for people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="67"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="72"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/steplistmodel.cpp" line="74"/>
        <source> in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::TrackingPage</name>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="43"/>
        <source>&amp;Promotion issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="64"/>
        <source>&amp;Approvals (Space ticks the selected role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="123"/>
        <source>The promotion issue is rendered from the results so far. Each approver ticks their role; nobody approves their own promotion twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="154"/>
        <source>Labels: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="155"/>
        <source>Labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="157"/>
        <source>Issue: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="161"/>
        <source>Saved as &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="165"/>
        <source> (no GitHub repository is configured in the policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="175"/>
        <source>Ticking records &lt;b&gt;%1&lt;/b&gt; and the time. The promoter is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="180"/>
        <source>The approvals appear once the criteria are met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="182"/>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="184"/>
        <source>1 approval is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="186"/>
        <source>%1 approvals are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="196"/>
        <source>%1 was not recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="199"/>
        <source>Approval Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/trackingpage.cpp" line="203"/>
        <source>The person who approves must be someone else: set their name in Settings (identity) on their machine, or change the policy&apos;s allow_self_approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promotion::ValidatePage</name>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="49"/>
        <source>The promotion policy cannot be used, so nothing can run:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="59"/>
        <source>&amp;Component:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="64"/>
        <source>Current stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="68"/>
        <source>(take it from __maturity__)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="74"/>
        <source>%1 (coverage ≥ %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="77"/>
        <source>Optional: the stage you expect the component to be at. Validation fails when __maturity__ says otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="79"/>
        <source>E&amp;xpected current stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="80"/>
        <source>&amp;Target stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="85"/>
        <source>Specification file, relative to the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="86"/>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="90"/>
        <source>&amp;Specification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="96"/>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="98"/>
        <source>Check the component, its tests, its spec and its stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="116"/>
        <source>Validation &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="127"/>
        <source>Sp&amp;ecification (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="146"/>
        <source>No components in this workspace (expected src/&lt;component&gt;/__init__.py).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="160"/>
        <location filename="../ui/wizard/validatepage.cpp" line="342"/>
        <source>Validating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="176"/>
        <source>Choose the component and the stage to promote it to, then validate its current state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="203"/>
        <source>not documented (no __maturity__ in src/%1/__init__.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="206"/>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;(__maturity__ in src/%2/__init__.py%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="210"/>
        <source>, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="241"/>
        <source>(%1 does not exist or cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="247"/>
        <source>

(… the rest of the file is not shown: it is larger than %1 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="254"/>
        <source>Choose the Specification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="256"/>
        <source>Markdown (*.md *.markdown);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="331"/>
        <source>✓ Ready to promote: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/validatepage.cpp" line="338"/>
        <source>✗ %n check(s) failed; fix them and validate again.</source>
        <translation>
            <numerusform>✗ %n check failed; fix them and validate again.</numerusform>
            <numerusform>✗ %n checks failed; fix them and validate again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/validatepage.cpp" line="347"/>
        <source>Not validated yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
