// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demoworkspace.h"
#include "workflow/runstate.h"

#include <memory>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace Promotion {

/*!
 * A private copy of the embedded demo workspace for tests that drive a real
 * PromotionEngine. fastPolicy() replaces the demo's gates with quick ones (a file
 * check that passes, one that fails, flake8, and an attestation) so the gate step
 * takes about a second and exercises every status a view must show.
 */
class DemoRunFixture final
{
public:
    static constexpr const char *kPromoter = "Alice Example <alice@example.com>";

    QString setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return QStringLiteral("cannot create a temporary directory");
        m_root = m_dir->filePath(QStringLiteral("demo wörk's dir")); // a path to quote
        return DemoWorkspace::extractTo(m_root);
    }

    QString root() const { return m_root; }

    /*! Merge \a yaml over the built-in policy instead of the demo's promotion.yaml. */
    bool writePolicy(const QByteArray &yaml) const
    {
        QFile file(QDir(m_root).filePath(QStringLiteral("promotion.yaml")));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(yaml) == yaml.size();
    }

    static QByteArray fastPolicy()
    {
        // The model tests skip gates on purpose: no second person needs to approve that here.
        return QByteArrayLiteral(R"(version: 1
options:
  skip_approval_role: ""
environment:
  PATH: "{workspace}/tools/bin:{env:PATH}"
gates:
  docs_exist:
    title: Design notes exist
    kind: files_exist
    paths: ["docs/design-*.md"]
  lint:
    title: Linting clean (flake8)
    command: [flake8, "src/{component}", "tests/{component}"]
    format: diagnostics-text
transitions:
  - from: development
    to: staging
    gates: [integration_tests_exist, docs_exist, lint, security_review]
    criteria:
      - {id: integration_tests_written, text: Integration tests written, proven_by: [integration_tests_exist]}
      - {id: design_notes, text: Design notes written, proven_by: [docs_exist]}
      - {id: error_handling, text: Error handling implemented}
      - {id: logging, text: Logging configured, required: false}
    approvals: [tech_lead, qa]
  - from: staging
    to: production
    gates: [integration_tests_exist]
    criteria:
      - {id: runbook, text: Runbook documented}
    approvals: [tech_lead, qa, security]
)");
    }

    PromotionRequest request(const QString &component = QStringLiteral("agent_orchestration"),
                             const QString &to = QStringLiteral("staging")) const
    {
        PromotionRequest r;
        r.workspace = m_root;
        r.component = component;
        r.to = to;
        r.promoter = QString::fromLatin1(kPromoter);
        return r;
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

} // namespace Promotion
