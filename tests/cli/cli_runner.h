// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the real rapport-cli binary, as a script or a person would, and captures what it says.
#include "../support/temp_dir.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;
#endif

namespace rapport::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

#ifdef _WIN32
inline std::wstring widen(const std::string& utf8) {
    std::wstring w(static_cast<std::size_t>(::MultiByteToWideChar(CP_UTF8, 0, utf8.data(),
                                                                  int(utf8.size()), nullptr, 0)),
                   L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), int(utf8.size()), w.data(), int(w.size()));
    return w;
}

// One argument quoted the way the C runtime splits a command line (backslashes double only
// before a quote), so any text arrives as is, as with posix_spawn.
inline std::wstring quoted(const std::wstring& arg) {
    std::wstring q = L"\"";
    std::size_t backslashes = 0;
    for (const wchar_t c : arg) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        q.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
        backslashes = 0;
        q += c;
    }
    q.append(backslashes * 2, L'\\');
    return q + L"\"";
}

// What Windows says about error `code`, for a failure that must say why.
inline std::string windows_error(DWORD code) {
    wchar_t* text = nullptr;
    ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                         FORMAT_MESSAGE_IGNORE_INSERTS,
                     nullptr, code, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
    std::string said;
    for (const wchar_t* c = text; c && *c; ++c)
        said += *c < 0x80 ? static_cast<char>(*c) : '?';
    ::LocalFree(text);
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r' || said.back() == ' '))
        said.pop_back();
    return "Windows error " + std::to_string(code) + (said.empty() ? "" : ": " + said);
}

// Windows: CreateProcessW with the output going to files, as below. Text the program prints
// goes through the C runtime's text mode (CRLF line ends, as Windows programs write them);
// the result has LF, so the tests compare the same text on both systems. When the program
// cannot be started, or ends by an exception rather than an exit, the result's err says so
// (exit code -1 or the NTSTATUS), so a failing test shows why instead of an empty stderr.
inline CliResult run_program(const std::string& program, const std::vector<std::string>& args) {
    TempDir io;
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    const auto open = [&](const std::filesystem::path& p, DWORD access, DWORD disposition) {
        return ::CreateFileW(p.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                             disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
    };
    CliResult r;
    std::string runner_error; // what went wrong before or around the program itself
    HANDLE in = open(L"NUL", GENERIC_READ, OPEN_EXISTING);
    HANDLE out = open(io / "out", GENERIC_WRITE, CREATE_ALWAYS);
    HANDLE err = open(io / "err", GENERIC_WRITE, CREATE_ALWAYS);
    if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE || err == INVALID_HANDLE_VALUE)
        runner_error = "run_cli: could not open the output files in " + io.path().string() + ": " +
                       windows_error(::GetLastError());
    std::wstring command = quoted(widen(program));
    for (const auto& a : args)
        command += L" " + quoted(widen(a));
    STARTUPINFOW si{};
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in;
    si.hStdOutput = out;
    si.hStdError = err;
    PROCESS_INFORMATION pi{};
    // A start that fails for want of memory or system resources (a busy machine) is tried again
    // after a pause, up to three times; any other failure is reported at once. Wine reports a
    // new process that died while wine itself was still setting it up (before the program's
    // first instruction, so nothing of the test has run) as ERROR_INTERNAL_ERROR: seen once in a
    // CI run, with two wine suites side by side on a loaded machine.
    constexpr int kAttempts = 3;
    for (int attempt = 1; runner_error.empty(); ++attempt) {
        if (::CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW,
                             nullptr, nullptr, &si, &pi)) {
            ::WaitForSingleObject(pi.hProcess, INFINITE);
            DWORD code = 0;
            if (!::GetExitCodeProcess(pi.hProcess, &code))
                runner_error = "run_cli: no exit code: " + windows_error(::GetLastError());
            r.exit_code = static_cast<int>(code);
            // An NTSTATUS error (0xC0000005 access violation, 0xC0000409 stack buffer overrun
            // ...) means the program did not exit: it was ended by the system.
            if (code >= 0xC0000000u) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "0x%08lX", static_cast<unsigned long>(code));
                runner_error = "run_cli: " + program + " was ended by status " + hex;
            }
            ::CloseHandle(pi.hThread);
            ::CloseHandle(pi.hProcess);
            break;
        }
        const DWORD failure = ::GetLastError();
        const bool transient =
            failure == ERROR_NOT_ENOUGH_MEMORY || failure == ERROR_OUTOFMEMORY ||
            failure == ERROR_NO_SYSTEM_RESOURCES || failure == ERROR_COMMITMENT_LIMIT ||
            failure == ERROR_TOO_MANY_OPEN_FILES || failure == ERROR_INTERNAL_ERROR;
        if (!transient || attempt == kAttempts) {
            runner_error = "run_cli: CreateProcessW failed" +
                           (attempt > 1 ? " " + std::to_string(attempt) + " times" : "") + ": " +
                           windows_error(failure);
            break;
        }
        ::Sleep(500 * attempt);
    }
    ::CloseHandle(in);
    ::CloseHandle(out);
    ::CloseHandle(err);
    const auto lf = [](std::string text) {
        std::string::size_type at = 0;
        while ((at = text.find("\r\n", at)) != std::string::npos)
            text.erase(at, 1);
        return text;
    };
    r.out = lf(read_all(io / "out"));
    r.err = lf(read_all(io / "err"));
    if (!runner_error.empty())
        r.err += (r.err.empty() || r.err.back() == '\n' ? "" : "\n") + runner_error + "\n";
    return r;
}

inline CliResult run_cli(const std::vector<std::string>& args) {
    return run_program(RAPPORT_CLI_PATH, args);
}
#else
// Runs rapport-cli with `args` (no shell involved, so any text is passed as is).
inline CliResult run_cli(const std::vector<std::string>& args) {
    TempDir io;
    const std::string out_path = (io / "out").string();
    const std::string err_path = (io / "err").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    std::vector<std::string> argv_store;
    argv_store.push_back(RAPPORT_CLI_PATH);
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    CliResult r;
    if (posix_spawn(&pid, RAPPORT_CLI_PATH, &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = read_all(out_path);
    r.err = read_all(err_path);
    return r;
}
#endif

// Runs rapport-cli on the database `db` (adds --db first).
inline CliResult run_cli(const std::filesystem::path& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.string()});
    return run_cli(args);
}

// The output without its trailing newline, for commands that print one value.
inline std::string trimmed(const std::string& s) {
    std::string t = s;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' '))
        t.pop_back();
    return t;
}

} // namespace rapport::test
