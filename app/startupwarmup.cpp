// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupwarmup.h"

#include <QFontDatabase>
#include <QStringList>

namespace Promotion {

StartupWarmUp::StartupWarmUp()
    : m_fonts([] { QFontDatabase::families(); })
{
}

StartupWarmUp::~StartupWarmUp()
{
    m_fonts.join();
}

} // namespace Promotion
