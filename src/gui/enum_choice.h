// SPDX-FileCopyrightText: 2026 The Rapport developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A wxChoice over one of the core's vocabularies (core/enums.h): its entries in table order,
// each shown by its translated label (gui/format.h), the selection read back as the value.
#include "core/enums.h"
#include "gui/format.h"

#include <wx/choice.h>

#include <cstddef>
#include <span>

namespace rapport::gui {

template <typename E> void FillChoice(wxChoice* choice, std::span<const EnumEntry<E>> entries) {
    for (const auto& e : entries)
        choice->Append(Label(e.value));
}

// The selected value; the first entry when nothing is selected.
template <typename E> E ChoiceValue(wxChoice* choice, std::span<const EnumEntry<E>> entries) {
    const int sel = choice->GetSelection();
    return entries[sel >= 0 ? static_cast<std::size_t>(sel) : 0].value;
}

// Where `value` is in `entries`, to select it; 0 when it is not there.
template <typename E> int IndexOf(std::span<const EnumEntry<E>> entries, E value) {
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].value == value)
            return static_cast<int>(i);
    return 0;
}

} // namespace rapport::gui
