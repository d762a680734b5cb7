// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for real tools in the process tests: each mode exercises one
// behaviour of ProcessRunner (exit codes, streams, floods, hangs, crashes,
// process groups). Plain C++ and POSIX, no Qt, so it starts fast.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

int usage()
{
    std::fputs("usage: promotion-test-helper MODE [ARG]\n"
               "modes: print TEXT | stderr TEXT | flood N_LINES | flood-both N_LINES | hang |\n"
               "       crash | segv | exit CODE | env NAME | pwd | spawn-grandchild PIDFILE |\n"
               "       orphan PIDFILE | ignore-term | version TEXT |\n"
               "       daemon PIDFILE [ignore-term] | daemon-exit PIDFILE [ignore-term]\n",
               stderr);
    return 2;
}

[[noreturn]] void sleepForever()
{
    for (;;)
        pause();
}

// Written to a temporary name and renamed, so a reader never sees a half-written pid.
bool writePidFile(const char *path, pid_t pid)
{
    const std::string tmp = std::string(path) + ".tmp";
    FILE *f = std::fopen(tmp.c_str(), "w");
    if (!f)
        return false;
    std::fprintf(f, "%d\n", int(pid));
    if (std::fclose(f) != 0)
        return false;
    return std::rename(tmp.c_str(), path) == 0;
}

// The exact text the flood tests expect: "line 0000001 ...\n" and so on.
void flood(FILE *out, long lines)
{
    // One buffer per stream: setvbuf must not share them.
    static char outBuffer[1 << 16];
    static char errBuffer[1 << 16];
    char *buffer = out == stdout ? outBuffer : errBuffer;
    std::setvbuf(out, buffer, _IOFBF, sizeof outBuffer);
    for (long i = 1; i <= lines; ++i)
        std::fprintf(out, "line %07ld the quick brown fox jumps over the lazy dog\n", i);
    std::fflush(out);
}

/* Starts a daemon the classic way: fork, setsid() in the child (a new session and
 * process group, out of reach of kill(-pgid)), fork again and let the middle
 * process exit, so the daemon is an orphan. The daemon writes its pid to \a pidFile
 * and sleeps. Returns once the pid file exists; false on failure. */
bool startDaemon(const char *pidFile, bool ignoreTerm)
{
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t middle = fork();
    if (middle < 0)
        return false;
    if (middle == 0) {
        if (setsid() < 0)
            _exit(7);
        const pid_t daemon = fork();
        if (daemon < 0)
            _exit(4);
        if (daemon == 0) {
            if (ignoreTerm)
                std::signal(SIGTERM, SIG_IGN);
            // A daemon lets go of the pipes, so only its parent's exit is seen.
            if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr))
                _exit(6);
            if (!writePidFile(pidFile, getpid()))
                _exit(5);
            sleepForever();
        }
        _exit(0);
    }
    int status = 0;
    while (waitpid(middle, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return false;
    for (int i = 0; i < 500 && access(pidFile, F_OK) != 0; ++i)
        usleep(10000);
    return access(pidFile, F_OK) == 0;
}

void noCoreDumps()
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string mode = argv[1];
    const char *arg = argc > 2 ? argv[2] : nullptr;

    if (mode == "print" && arg) {
        std::printf("%s\n", arg);
        return 0;
    }
    if (mode == "stderr" && arg) {
        std::fprintf(stderr, "%s\n", arg);
        return 0;
    }
    if (mode == "version" && arg) {
        std::printf("\n  %s\nsecond line\n", arg);
        return 0;
    }
    if ((mode == "flood" || mode == "flood-both") && arg) {
        const long lines = std::strtol(arg, nullptr, 10);
        flood(stdout, lines);
        if (mode == "flood-both")
            flood(stderr, lines);
        return 0;
    }
    if (mode == "hang") {
        std::printf("ready\n");
        std::fflush(stdout);
        sleepForever();
    }
    if (mode == "crash") {
        noCoreDumps();
        std::abort();
    }
    if (mode == "segv") {
        noCoreDumps();
        // Sanitizers install their own SIGSEGV handler; the default one must run.
        std::signal(SIGSEGV, SIG_DFL);
        std::raise(SIGSEGV);
        return 0;
    }
    if (mode == "exit" && arg)
        return std::atoi(arg);
    if (mode == "env" && arg) {
        const char *value = std::getenv(arg);
        if (!value) {
            std::fprintf(stderr, "%s is not set\n", arg);
            return 3;
        }
        std::printf("%s\n", value);
        return 0;
    }
    if (mode == "pwd") {
        char cwd[4096];
        if (!getcwd(cwd, sizeof cwd))
            return 3;
        std::printf("%s\n", cwd);
        return 0;
    }
    if ((mode == "spawn-grandchild" || mode == "orphan") && arg) {
        std::fflush(stdout);
        const pid_t child = fork();
        if (child < 0)
            return 4;
        if (child == 0) {
            // The orphan lets go of the pipes so its parent's exit is seen at once.
            if (mode == "orphan") {
                if (!std::freopen("/dev/null", "w", stdout) ||
                    !std::freopen("/dev/null", "w", stderr))
                    _exit(6);
            }
            if (!writePidFile(arg, getpid()))
                _exit(5);
            sleepForever();
        }
        std::printf("parent %d child %d\n", int(getpid()), int(child));
        std::fflush(stdout);
        if (mode == "orphan") {
            // Leave only once the grandchild is known to exist.
            for (int i = 0; i < 500 && access(arg, F_OK) != 0; ++i)
                usleep(10000);
            return 0;
        }
        sleepForever();
    }
    if ((mode == "daemon" || mode == "daemon-exit") && arg) {
        const bool ignoreTerm = argc > 3 && std::strcmp(argv[3], "ignore-term") == 0;
        if (!startDaemon(arg, ignoreTerm)) {
            std::fprintf(stderr, "could not start the daemon\n");
            return 4;
        }
        std::printf("daemon started\n");
        std::fflush(stdout);
        if (mode == "daemon-exit")
            return 0;
        sleepForever();
    }
    if (mode == "ignore-term") {
        std::signal(SIGTERM, SIG_IGN);
        std::printf("ready\n");
        std::fflush(stdout);
        sleepForever();
    }
    return usage();
}
