// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/customer_completer.h"

#include "gui/format.h"
#include "gui/services.h"

namespace rapport::gui {

void CustomerCompleter::GetCompletions(const wxString& prefix, wxArrayString& result) {
    try {
        for (const auto& name : m_services.customer_table.name_completions(Utf8(prefix), 12))
            result.push_back(Wx(name));
    } catch (const std::exception&) {
        // Type-ahead is a convenience: a busy or failing database must not interrupt typing.
    }
}

} // namespace rapport::gui
