// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sql/session.h"

namespace rapport::store::sql {

Value scalar(Session& session, std::string_view text) {
    Statement st(session, text);
    Value v;
    if (st.executeStep() && !st.getColumn(0).isNull()) {
        v.text = st.getColumn(0).getString();
        v.as_int64 = st.getColumn(0).getInt64();
    }
    return v;
}

} // namespace rapport::store::sql
