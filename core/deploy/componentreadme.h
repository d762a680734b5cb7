// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploy/metadatainput.h"

#include <QString>

namespace Promotion {

/*!
 * \brief Edits or creates a component README for a promotion (seed step 5), as text.
 *
 * The status block is the seed's three lines "**Status:** <stage>",
 * "**Coverage:** <n>%" and "**Last Promoted:** <date>". Existing lines get new
 * values (Coverage only when coverage is known); missing ones are added next
 * to the ones present; without any, the block is inserted after the first
 * heading (or at the top when there is none). In a "Quality Metrics" list,
 * existing "- Test Coverage:", "- Integration Tests:", "- E2E Tests:" and
 * "- Performance:" lines are refreshed when the value is known. Fenced code
 * blocks are never touched. Line endings are kept.
 */
class ComponentReadme final
{
public:
    static QString update(const QString &markdown, const MetadataInput &input);
    /*! The seed's documentation template, filled in; unknown values read "not measured". */
    static QString create(const MetadataInput &input);
};

} // namespace Promotion
