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

class LessonsPage : public wxPanel {
public:
    explicit LessonsPage(wxWindow* parent);
    void Show(const store::LessonsReport& report, const std::string& currency);

private:
    wxStaticText* m_headline = nullptr;
    wxDataViewListCtrl* m_categories = nullptr;
    wxDataViewListCtrl* m_lessons = nullptr;
};

} // namespace rapport::gui
