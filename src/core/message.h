// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A sentence for a person, kept as an English template plus its arguments, so each program can
// say it in its own language: the CLI prints the English (english()), the window looks the
// template up in its catalog and fills in the arguments (gui/format.cpp, render()). The core
// knows no catalog; this file has no wx.
//
//   throw DataError(tr("Line {} is too large to read."), line);
//
// Templates use fmt's "{}"; a translation may reorder with "{1} … {0}" (all positional then).
#include "core/text.h"

#include <fmt/format.h>

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rapport {

class Message {
public:
    Message() = default;
    // A text on its own: a translatable sentence without arguments, or a literal.
    Message(Text text) : m_text(text.english()), m_translatable(text.translatable()) {}
    // A sentence already final (a file name, a number, a text in the user's language).
    // Bytes that are not UTF-8 (a damaged value quoted, a file name in another encoding) become
    // U+FFFD, so a sentence is always text for a terminal, a JSON reader or a dialog.
    explicit Message(std::string literal);
    // A template and its arguments: other Messages and Texts (translated in turn, e.g. "the
    // disk is full"), strings (taken as they are) or numbers (written as fmt writes "{}").
    template <class... Args>
    requires(sizeof...(Args) > 0) Message(Text tmpl, const Args&... args) : Message(tmpl) {
        m_args.reserve(sizeof...(Args));
        (m_args.push_back(argument(args)), ...);
    }

    // The English sentence, exactly as fmt::format(template, args...) would write it.
    std::string english() const;
    // The sentence with the template and each translatable argument passed through `translate`
    // (English in, the user's language out). A translation whose placeholders do not fit its
    // arguments is not used: that part stays English rather than garbled.
    std::string render(const std::function<std::string(std::string_view)>& translate) const;

    // The same sentence continuing another ("...: the folder ... cannot be created"): its English
    // starts with a small letter (when the second one is small too, so "SQLite" stays); a
    // translation keeps its own capitals, which German nouns need.
    Message continuing() const {
        Message m = *this;
        m.m_continuing = true;
        return m;
    }

    const std::string& text() const { return m_text; } // the template, or the literal
    bool empty() const { return m_text.empty(); }      // no sentence (a check that found nothing)
    bool translatable() const { return m_translatable; }
    const std::vector<Message>& args() const { return m_args; }

private:
    template <class T> static Message argument(const T& v) {
        if constexpr (std::is_same_v<T, Message>)
            return v;
        else if constexpr (std::is_same_v<T, Text>)
            return Message(v);
        else if constexpr (std::is_convertible_v<const T&, std::string_view>)
            return Message(std::string(std::string_view(v)));
        else
            return Message(fmt::format("{}", v));
    }

    std::string m_text;
    bool m_translatable = false;
    bool m_continuing = false;
    std::vector<Message> m_args;
};

} // namespace rapport
