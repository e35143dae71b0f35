// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Two kinds of failure every layer speaks. Each message is one sentence a shop owner can read,
// kept as a Message (core/message.h): what() is the English sentence the CLI prints, message()
// the template and arguments the window says in the user's language.
#include "core/message.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace rapport {

class SentenceError : public std::runtime_error {
public:
    // A translatable template and its arguments: throw DataError(tr("Line {} ..."), line).
    template <class... Args>
    explicit SentenceError(Text tmpl, const Args&... args)
        : SentenceError(Message(tmpl, args...)) {}
    explicit SentenceError(Message m)
        : std::runtime_error(m.english()),
          m_message(std::make_shared<const Message>(std::move(m))) {}
    // A sentence taken as it is (already in the user's language, or only ever English).
    explicit SentenceError(const std::string& sentence) : SentenceError(Message(sentence)) {}
    explicit SentenceError(const char* sentence) : SentenceError(Message(std::string(sentence))) {}

    const Message& message() const { return *m_message; }

private:
    std::shared_ptr<const Message> m_message; // shared: copying an exception does not throw
};

// Something the user typed cannot be accepted: a bad date, amount, week or flag value.
// The CLI exits with 2; the GUI points at the field.
class InputError : public SentenceError {
public:
    using SentenceError::SentenceError;
};

// The data refuses: an unknown or ambiguous customer, a file that is not ours, a failed write.
// The CLI exits with 1; the GUI shows a dialog and keeps the user's input.
class DataError : public SentenceError {
public:
    using SentenceError::SentenceError;
};

} // namespace rapport

namespace rapport {

// The system's reason for a failed file operation (strerror's English, exactly), translatable
// for the reasons a shop owner meets: a full disk, no permission, a read-only or failing disk.
Message system_reason(int err);

} // namespace rapport
