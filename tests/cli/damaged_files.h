// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hostile database files made from a real one (issue 19): byte flips, truncations, pages
// swapped or zeroed, a page of another database, a valid header over garbage, and a WAL from
// another database beside an intact file. Each is bytes of the file and of its -wal.
#include <cstddef>
#include <random>
#include <string>

namespace rapport::test {

enum class Damage {
    byte_flips,          // 1 to 8 bytes anywhere, xor a random mask
    truncation,          // cut at a page boundary or in the middle of a page
    swapped_pages,       // two pages change places
    zeroed_page,         // one page all zeros
    foreign_page,        // one page replaced by a page of another database
    header_over_garbage, // the first 100 bytes are real, the rest random
    foreign_wal,         // the file intact, with another database's -wal beside it
};
inline constexpr int kDamageKinds = 7;

inline const char* damage_name(Damage d) {
    switch (d) {
    case Damage::byte_flips:
        return "byte flips";
    case Damage::truncation:
        return "truncation";
    case Damage::swapped_pages:
        return "swapped pages";
    case Damage::zeroed_page:
        return "zeroed page";
    case Damage::foreign_page:
        return "a page of another database";
    case Damage::header_over_garbage:
        return "a valid header over garbage";
    case Damage::foreign_wal:
        return "a WAL from another database";
    }
    return "?";
}

struct DamagedFile {
    std::string label;
    std::string db;
    std::string wal; // empty: no -wal beside it
};

// `real` is a closed Rapport database (no -wal); `other` another database with the same page
// size and `other_wal` a WAL of it, frames not yet checkpointed.
inline DamagedFile make_damaged(Damage kind, const std::string& real, const std::string& other,
                                const std::string& other_wal, std::mt19937& rng,
                                std::size_t page = 4096) {
    const auto below = [&](std::size_t n) {
        return n == 0 ? 0 : static_cast<std::size_t>(rng() % n);
    };
    const std::size_t pages = real.size() / page;
    DamagedFile out{damage_name(kind), real, {}};
    switch (kind) {
    case Damage::byte_flips: {
        const std::size_t n = 1 + below(8);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t at = below(real.size());
            const auto mask = static_cast<unsigned char>(1 + below(255));
            out.db[at] = static_cast<char>(static_cast<unsigned char>(out.db[at]) ^ mask);
            out.label += " " + std::to_string(at) + "^" + std::to_string(mask);
        }
        break;
    }
    case Damage::truncation: {
        // Never to nothing: an empty file is a new database, which Rapport sets up on purpose.
        const std::size_t at =
            rng() % 2 ? (1 + below(pages - 1)) * page : 1 + below(real.size() - 1);
        out.db.resize(at);
        out.label += " at " + std::to_string(at);
        break;
    }
    case Damage::swapped_pages: {
        const std::size_t a = below(pages), b = below(pages);
        for (std::size_t i = 0; i < page; ++i)
            std::swap(out.db[a * page + i], out.db[b * page + i]);
        out.label += " " + std::to_string(a + 1) + " and " + std::to_string(b + 1);
        break;
    }
    case Damage::zeroed_page: {
        const std::size_t p = below(pages);
        out.db.replace(p * page, page, page, '\0');
        out.label += " " + std::to_string(p + 1);
        break;
    }
    case Damage::foreign_page: {
        const std::size_t p = below(pages), q = below(other.size() / page);
        out.db.replace(p * page, page, other.substr(q * page, page));
        out.label += " " + std::to_string(p + 1) + " from page " + std::to_string(q + 1);
        break;
    }
    case Damage::header_over_garbage:
        for (std::size_t i = 100; i < out.db.size(); ++i)
            out.db[i] = static_cast<char>(rng());
        break;
    case Damage::foreign_wal:
        out.wal = other_wal;
        // Sometimes only the frames the WAL's first commits wrote, or a torn last frame.
        if (rng() % 2 && other_wal.size() > 32)
            out.wal.resize(32 + below(other_wal.size() - 32));
        out.label += " of " + std::to_string(out.wal.size()) + " bytes";
        break;
    }
    return out;
}

} // namespace rapport::test
