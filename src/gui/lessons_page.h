// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reports > "What we learned": the lessons written on incidents by category, newest first, with
// each category's incidents and money given back, and the categories that keep coming back
// (store/lessons.h).
#include "store/lessons.h"

#include <wx/panel.h>

#include <string>

class wxDataViewListCtrl;
class wxStaticText;

namespace rapport::gui {

// The newest lessons of each category the page lists; a line says how many older ones there
// are (`rapport-cli report lessons` lists every one).
inline constexpr std::size_t kLessonsShown = 50;

class LessonsPage : public wxPanel {
public:
    explicit LessonsPage(wxWindow* parent);
    // `report` read with at most kLessonsShown lessons per category.
    void Show(const store::LessonsReport& report, const std::string& currency);

private:
    wxStaticText* m_headline = nullptr;
    wxDataViewListCtrl* m_categories = nullptr;
    wxDataViewListCtrl* m_lessons = nullptr;
};

} // namespace rapport::gui
