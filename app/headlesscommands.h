// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Promotion {

struct CommandLine;

/*! The headless subcommands. Each returns a process exit code (see ExitCode). */
int runPromoteCommand(const CommandLine &cl);
int runHistoryCommand(const CommandLine &cl);
int runVerifyCommand(const CommandLine &cl);
int runFollowUpCommand(const CommandLine &cl);

} // namespace Promotion
