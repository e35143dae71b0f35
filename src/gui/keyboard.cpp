// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/keyboard.h"

#include <wx/control.h>
#include <wx/event.h>
#include <wx/stattext.h>
#include <wx/window.h>

#include <algorithm>
#include <functional>

namespace rapport::gui {
namespace {

wxUniChar Lower(wxUniChar c) {
    return wxString(c).Lower()[0];
}

// The label in `parent`'s family whose Alt+letter is `key`, shown on screen.
wxStaticText* LabelWithMnemonic(wxWindow* parent, wxUniChar key) {
    for (wxWindow* child : parent->GetChildren()) {
        if (child->IsTopLevel() || !child->IsShown())
            continue;
        if (auto* label = dynamic_cast<wxStaticText*>(child)) {
            if (MnemonicOf(label->GetLabel()) == key)
                return label;
            continue;
        }
        if (wxStaticText* found = LabelWithMnemonic(child, key))
            return found;
    }
    return nullptr;
}

// Gives the keyboard to `w` or, for a field made of parts, to its first part that takes it.
bool FocusInto(wxWindow* w) {
    if (!w->IsShown() || !w->IsEnabled())
        return false;
    if (w->GetChildren().empty()) {
        if (!w->AcceptsFocus())
            return false;
        w->SetFocus();
        return true;
    }
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel() && FocusInto(child))
            return true;
    return false;
}

} // namespace

std::optional<wxUniChar> MnemonicOf(const wxString& label) {
    for (std::size_t i = 0; i + 1 < label.length(); ++i) {
        if (label[i] != '&')
            continue;
        if (label[i + 1] != '&')
            return Lower(label[i + 1]);
        ++i; // "&&" is an ampersand
    }
    return std::nullopt;
}

void RouteLabelMnemonics(wxWindow* top) {
    top->Bind(wxEVT_CHAR_HOOK, [top](wxKeyEvent& e) {
        const wxChar key = e.GetUnicodeKey();
        if (e.GetModifiers() != wxMOD_ALT || key == WXK_NONE) {
            e.Skip();
            return;
        }
        wxStaticText* label = LabelWithMnemonic(top, Lower(key));
        if (!label) {
            e.Skip();
            return;
        }
        // The field is the next sibling that is not another label.
        const wxWindowList& siblings = label->GetParent()->GetChildren();
        auto it = std::find(siblings.begin(), siblings.end(), label);
        for (++it; it != siblings.end(); ++it) {
            if (dynamic_cast<wxStaticText*>(*it) || !(*it)->IsShown())
                continue;
            if (!FocusInto(*it))
                e.Skip();
            return;
        }
        e.Skip();
    });
}

void AddFreeMnemonics(wxWindow* top, const std::vector<wxStaticText*>& labels) {
    std::vector<wxUniChar> used;
    const std::function<void(wxWindow*)> collect = [&](wxWindow* w) {
        for (wxWindow* child : w->GetChildren()) {
            if (child->IsTopLevel())
                continue;
            if (auto m = MnemonicOf(child->GetLabel()))
                used.push_back(*m);
            collect(child);
        }
    };
    collect(top);
    // A matching of labels to free letters (Kuhn's augmenting paths): taking the first free
    // letter of each in turn can leave a later label with none.
    std::vector<wxString> texts;
    for (wxStaticText* l : labels)
        texts.push_back(l->GetLabelText());
    std::vector<std::pair<wxUniChar, std::size_t>> taken; // letter -> label
    std::vector<std::optional<std::size_t>> position(labels.size());
    const std::function<bool(std::size_t, std::vector<wxUniChar>&)> place =
        [&](std::size_t i, std::vector<wxUniChar>& seen) {
            for (std::size_t pos = 0; pos < texts[i].length(); ++pos) {
                const wxUniChar c = Lower(texts[i][pos]);
                // Letters every keyboard has: an umlaut may need a dead key or not be there.
                if (!c.IsAscii() || !wxIsalnum(c) ||
                    std::find(used.begin(), used.end(), c) != used.end() ||
                    std::find(seen.begin(), seen.end(), c) != seen.end())
                    continue;
                seen.push_back(c);
                // An index, not an iterator: the recursion may add to `taken`.
                const auto owner = static_cast<std::size_t>(
                    std::find_if(taken.begin(), taken.end(),
                                 [c](const auto& t) { return t.first == c; }) -
                    taken.begin());
                if (owner == taken.size() || place(taken[owner].second, seen)) {
                    if (owner == taken.size())
                        taken.emplace_back(c, i);
                    else
                        taken[owner].second = i;
                    position[i] = pos;
                    return true;
                }
            }
            return false;
        };
    for (std::size_t i = 0; i < labels.size(); ++i) {
        std::vector<wxUniChar> seen;
        place(i, seen);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (!position[i])
            continue; // no letter left: the field is still reached with Tab
        const std::size_t pos = *position[i];
        labels[i]->SetLabel(wxControl::EscapeMnemonics(texts[i].Left(pos)) + "&" +
                            wxControl::EscapeMnemonics(texts[i].Mid(pos)));
    }
}

} // namespace rapport::gui
