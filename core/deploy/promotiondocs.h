// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/metadatainput.h"

#include <QString>

namespace Promotion {

/*!
 * \brief The seed's other step-5 documents, as text: the component specification gets
 * its promotion date, and (production) the runbook gets a promotion entry.
 *
 * Spec: a "**Current stage:** X" line gets the new stage; a "**Promoted to <stage>:**
 * <date>" line is refreshed, or added below the current-stage line (else below the first
 * heading). Runbook: an entry is appended to its "## Promotion history" section (added at
 * the end when missing); a missing runbook is created from a template first. Fenced code
 * is never touched; line endings are kept.
 */
class PromotionDocs final
{
public:
    static QString updateSpec(const QString &markdown, const MetadataInput &input);
    /*! The runbook template for \a input's component, with an empty promotion history. */
    static QString runbookTemplate(const MetadataInput &input);
    static QString addRunbookEntry(const QString &markdown, const MetadataInput &input);
    /*! "- 2026-12-01: promoted to production (0.4.1) from staging by Ada, run <id>" */
    static QString runbookEntry(const MetadataInput &input);
};

} // namespace Promotion
