// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Type-ahead over customer names for any text field that names a customer.
#include <wx/textcompleter.h>

namespace rapport::gui {

class Services;

class CustomerCompleter : public wxTextCompleterSimple {
public:
    explicit CustomerCompleter(Services& services) : m_services(services) {}
    void GetCompletions(const wxString& prefix, wxArrayString& result) override;

private:
    Services& m_services;
};

} // namespace rapport::gui
