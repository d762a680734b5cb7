// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gates/gateresult.h"
#include "policy/policy.h"

#include <QByteArray>

namespace Promotion {

struct ProcessResult;
struct DataSourceResult;

/*!
 * \brief Turns a tool's output into a gate verdict: parse it in the format the
 * policy names, measure, and compare with the threshold.
 */
class GateEvaluator final
{
public:
    /*!
     * Evaluate \a data (the tool's result file or standard output) for \a gate.
     * \a process may be null for derived gates. \a stageCoverageMin applies when
     * a coverage gate has no threshold of its own.
     */
    static void evaluate(const GateDefinition &gate, const QByteArray &data,
                         const ProcessResult *process, double stageCoverageMin, GateResult &result);
    static void evaluateDataSource(const GateDefinition &gate, const DataSourceResult &data,
                                   GateResult &result);
};

} // namespace Promotion
