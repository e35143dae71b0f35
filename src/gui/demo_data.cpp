// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/demo_data.h"
#include "core/utf8_path.h"

#include "exchange/demo.h"
#include "store/customers.h"

#include <wx/stdpaths.h>

namespace rapport::gui {

std::filesystem::path DemoDatabasePath() {
    // The XDG layout (set by the application at start) makes this $XDG_DATA_HOME/rapport.
    return path_from_utf8(wxStandardPaths::Get().GetUserDataDir().utf8_string()) / "demo.db";
}

store::Database OpenDemoDatabase(const std::filesystem::path& path) {
    store::Database db = store::Database::open(path);
    if (store::CustomerRepo(db).count() == 0) {
        exchange::DemoOptions options;
        options.today = today_local();
        exchange::generate_demo(db, options);
    }
    return db;
}

} // namespace rapport::gui
