// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Two people editing the same record: every edited row carries a version (schema version 4),
// an edit names the version it started from, and the UPDATE only matches that version. When
// someone else saved in between, the edit is refused with this error and nothing is changed;
// the window keeps what was typed and shows both versions.
#include "core/errors.h"
#include "core/records.h"

namespace rapport::store {

class EditConflict : public DataError {
public:
    EditConflict(Message sentence, Stamp theirs)
        : DataError(std::move(sentence)), m_theirs(std::move(theirs)) {}
    // Who saved the version now in the database, and when.
    const Stamp& theirs() const { return m_theirs; }

private:
    Stamp m_theirs;
};

// "Sam changed this incident at 10:14 on 2026-12-06, after you opened it. Your version was not
// saved over theirs: nothing was changed." (`incident` chooses the record's word.)
EditConflict incident_conflict(const Stamp& theirs);
EditConflict customer_conflict(const Stamp& theirs);

} // namespace rapport::store
