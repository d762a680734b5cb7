// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/toolresults.h"

namespace Promotion {

/*!
 * \brief The "exit-code" format: the tool passes when it exits normally with status 0.
 *
 * Output is not looked at; the class exists so that every format has one entry point.
 */
class ExitCodeParser final
{
public:
    static ExitCodeResult parse(int exitCode, bool crashed = false)
    {
        return ExitCodeResult{exitCode, crashed};
    }
};

} // namespace Promotion
