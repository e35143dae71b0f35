// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/message.h"

#include "core/utf8.h"

#include <fmt/args.h>

#include <cctype>

namespace rapport {

namespace {

std::string fill(std::string_view tmpl, const std::vector<std::string>& args) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const auto& a : args)
        store.push_back(a);
    return fmt::vformat(tmpl, store);
}

} // namespace

Message::Message(std::string literal) : m_text(valid_utf8(std::move(literal))) {}

std::string Message::english() const {
    // A template is formatted only when it has arguments, so a sentence without any may
    // contain braces as they are.
    std::string out = m_text;
    if (!m_args.empty()) {
        std::vector<std::string> args;
        args.reserve(m_args.size());
        for (const auto& a : m_args)
            args.push_back(a.english());
        out = fill(m_text, args);
    }
    if (m_continuing && out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) &&
        std::islower(static_cast<unsigned char>(out[1])))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string Message::render(const std::function<std::string(std::string_view)>& translate) const {
    std::string tmpl = m_translatable && !m_text.empty() ? translate(m_text) : m_text;
    if (m_args.empty())
        return tmpl;
    std::vector<std::string> args;
    args.reserve(m_args.size());
    for (const auto& a : m_args)
        args.push_back(a.render(translate));
    if (tmpl != m_text) {
        try {
            return fill(tmpl, args);
        } catch (const fmt::format_error&) {
            // A translation with a placeholder too many or a stray brace.
        }
    }
    return fill(m_text, args);
}

} // namespace rapport
