// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/semanticversion.h"

#include <optional>
#include <QDate>
#include <QString>

namespace Promotion {

/*! What step 5 writes into a component's metadata and documentation. */
struct MetadataInput
{
    QString workspaceRoot;
    QString component;   //!< a Python package name under src/
    QString targetStage; //!< written to __maturity__, the docstring and the README
    /*! Measured coverage in percent; when unset, existing coverage lines are left alone. */
    std::optional<double> coverage;
    QDate date;
    VersionBump versionBump = VersionBump::None;
    bool updateReadme = true;
    // Only used when a README is created from the seed's documentation template,
    // or to refresh existing "- Integration Tests:" / "- E2E Tests:" / "- Performance:" lines.
    std::optional<int> integrationTests;
    std::optional<int> e2eTests;
    QString performance;

    // The seed's other step-5 documents (PromotionDocs); empty paths: left alone.
    QString specRelativePath;    //!< the component specification: gets the promotion date
    QString runbookRelativePath; //!< gets a promotion entry; created from a template if missing
    QString fromStage;
    QString version; //!< the version being promoted (runbook entry)
    QString promoter;
    QString runId;
};

} // namespace Promotion
