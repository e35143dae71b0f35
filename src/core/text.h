// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// English text marked for the window's catalog; see core/message.h for sentences built of it.
#include <string_view>

namespace rapport {

// A piece of English text and whether the window translates it. tr("...") marks a literal for
// the catalog (xgettext keyword `tr`, cmake/Translations.cmake) and translates nothing itself;
// a plain string (a CLI flag, a customer's name) is an untranslated Text. Does not own the text:
// for literals and for the duration of a call.
class Text {
public:
    constexpr Text(const char* literal) : m_text(literal) {}
    constexpr Text(std::string_view literal) : m_text(literal) {}

    constexpr std::string_view english() const { return m_text; }
    constexpr bool translatable() const { return m_translatable; }

private:
    friend constexpr Text tr(std::string_view english);
    constexpr Text(std::string_view text, bool translatable)
        : m_text(text), m_translatable(translatable) {}

    std::string_view m_text;
    bool m_translatable = false;
};

constexpr Text tr(std::string_view english) {
    return Text(english, true);
}

} // namespace rapport
