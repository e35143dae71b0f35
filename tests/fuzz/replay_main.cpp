// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a fuzz target over files and folders of inputs without libFuzzer, so any compiler can
// replay the seed corpus (and crash inputs found by `./packaging/dev.sh fuzz`) as a test.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

static void run_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        if (fs::is_directory(arg)) {
            std::vector<fs::path> files;
            for (const auto& e : fs::recursive_directory_iterator(arg))
                if (e.is_regular_file())
                    files.push_back(e.path());
            for (const auto& f : files) {
                run_file(f);
                ++count;
            }
        } else {
            run_file(arg);
            ++count;
        }
    }
    std::printf("%s: %zu inputs replayed, no failure\n",
                fs::path(argv[0]).filename().string().c_str(), count);
    return count > 0 ? 0 : 1;
}
